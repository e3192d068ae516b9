namespace MoiAimerToi.Web.Photos;

public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>Uploads larger than this are refused while they are read, whatever Content-Length said.</summary>
    public long MaxUploadBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Width × height an image may declare; checked on the header, before any pixel is decoded.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Longest side of the stored full-size copy.</summary>
    public int MaxDimension { get; set; } = 2560;

    /// <summary>Images decoded at the same time; each may hold up to MaxPixels × 4 bytes.</summary>
    public int MaxConcurrency { get; set; } = 2;
}
