using System.Globalization;
using System.Text.Json;

namespace MoiAimerToi.Web.Media;

/// <summary>What <c>ffprobe</c> says of a video: its first video stream, its first audio stream, its length.</summary>
/// <param name="Rotation">The display rotation in degrees (an iPhone filmed upright says 90 or -90).</param>
public sealed record VideoProbe(double DurationSeconds, string VideoCodec, string? PixelFormat, int Width, int Height, int Rotation, string? AudioCodec)
{
    /// <summary>Turned as it is shown.</summary>
    public bool IsSideways => Math.Abs(Rotation) % 180 == 90;

    public int ShownWidth => IsSideways ? Height : Width;

    public int ShownHeight => IsSideways ? Width : Height;

    /// <summary>
    /// Plays in every browser as it is: an MP4 of H.264 in 8-bit 4:2:0 with AAC or no sound, upright, at most
    /// <paramref name="maxHeight"/> on its shorter side. Such a video is only remuxed, not transcoded.
    /// </summary>
    public bool PlaysEverywhere(string originalExtension, int maxHeight) =>
        originalExtension == ".mp4" && VideoCodec == "h264" && PixelFormat is "yuv420p" or "yuvj420p"
        && AudioCodec is null or "aac" && Rotation == 0 && Math.Min(Width, Height) <= maxHeight;

    /// <summary>Reads <c>ffprobe -print_format json -show_format -show_streams</c>; null when it names no video stream.</summary>
    public static VideoProbe? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("streams", out var streams) || streams.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        JsonElement? video = null;
        string? audioCodec = null;
        foreach (var stream in streams.EnumerateArray())
        {
            var type = Text(stream, "codec_type");
            // An attached picture (a cover image) is a "video" stream too, but not the film.
            var isPicture = stream.TryGetProperty("disposition", out var disposition) && Number(disposition, "attached_pic") == 1;
            if (type == "video" && video is null && !isPicture)
            {
                video = stream;
            }
            else if (type == "audio" && audioCodec is null)
            {
                audioCodec = Text(stream, "codec_name");
            }
        }

        if (video is not { } v || Number(v, "width") is not { } width || Number(v, "height") is not { } height || width <= 0 || height <= 0)
        {
            return null;
        }

        var duration = (root.TryGetProperty("format", out var format) ? Number(format, "duration") : null) ?? Number(v, "duration");
        return new VideoProbe(duration ?? 0, Text(v, "codec_name") ?? "", Text(v, "pix_fmt"), (int)width, (int)height, RotationOf(v), audioCodec);
    }

    /// <summary>The display matrix's rotation (newer ffprobe), else the old <c>rotate</c> tag.</summary>
    private static int RotationOf(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (Number(item, "rotation") is { } rotation)
                {
                    return (int)Math.Round(rotation);
                }
            }
        }

        return stream.TryGetProperty("tags", out var tags) && Number(tags, "rotate") is { } rotate ? (int)Math.Round(rotate) : 0;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>ffprobe writes most numbers as strings.</summary>
    private static double? Number(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;
}
