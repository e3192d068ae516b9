using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Media;

/// <summary>
/// What an upload is, by its first bytes, whatever its name says: a photo the pipeline may read, or a video for
/// ffmpeg (an ISO-BMFF <c>ftyp</c> that is not HEIF: MP4, or MOV when its brand is QuickTime's; WebM's EBML header).
/// </summary>
public static class MediaSniffer
{
    public const int HeaderLength = 64;

    /// <returns>The kind, and for a video the extension its original keeps; null for anything else.</returns>
    public static (MediaKind Kind, string? VideoExtension)? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) || header.StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })
            || header.StartsWith("GIF8"u8) || (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
            || HeifPhotos.IsHeif(header))
        {
            return (MediaKind.Photo, null);
        }

        if (header.StartsWith(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }))
        {
            return (MediaKind.Video, ".webm");
        }

        var brands = HeifPhotos.FileBrands(header);
        if (brands.Count > 0)
        {
            return (MediaKind.Video, brands[0] == "qt  " ? ".mov" : ".mp4");
        }

        return null;
    }
}
