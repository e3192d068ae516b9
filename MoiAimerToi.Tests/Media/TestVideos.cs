using System.Diagnostics;
using System.Text.Json;

namespace MoiAimerToi.Tests.Media;

/// <summary>Short clips made by the system's ffmpeg (CI installs it), and the committed iPhone-like fixture.</summary>
public static class TestVideos
{
    /// <summary>
    /// A 1 s 320 × 180 HEVC QuickTime file (<c>hvc1</c>, AAC sound) turned 90° by its display matrix and carrying a GPS
    /// position, as an iPhone films upright: see <c>Fixtures/README.md</c>.
    /// </summary>
    public static byte[] IphoneMov() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Media", "Fixtures", "hevc-rotated.mov"));

    /// <summary>An H.264/AAC MP4 of <paramref name="seconds"/> (plays everywhere: only remuxed).</summary>
    public static byte[] Mp4(double seconds = 1, int width = 320, int height = 180) => Make(
        ".mp4", "-f", "lavfi", "-i", $"testsrc=size={width}x{height}:rate=15", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=22050",
        "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-b:a", "32k");

    public static byte[] Make(string extension, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"moiaimertoi-video-{Guid.NewGuid():N}{extension}");
        try
        {
            Run("ffmpeg", ["-v", "error", "-y", .. arguments, path]);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>What ffprobe reads of a file: its format's tags and its streams.</summary>
    public static JsonElement Probe(string path) =>
        JsonDocument.Parse(Run("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path])).RootElement;

    private static string Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {errors}");
        return output.Result;
    }
}
