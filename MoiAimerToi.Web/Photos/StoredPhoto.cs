namespace MoiAimerToi.Web.Photos;

/// <summary>A photo as stored in the uploads folder: the full-size JPEG and its WebP variants.</summary>
/// <param name="FileName">The full-size copy, <c>&lt;32 hex&gt;.jpg</c>; the variants' names derive from it.</param>
/// <param name="Width">Pixel width of the full-size copy.</param>
/// <param name="Height">Pixel height of the full-size copy.</param>
/// <param name="TakenOn">The EXIF DateTimeOriginal day, when the camera recorded one.</param>
/// <param name="Color">The photo's average colour, <c>#rrggbb</c>, for a placeholder while it loads.</param>
/// <param name="Original">The upload exactly as sent, in the originals folder, when it was kept.</param>
public sealed record StoredPhoto(string FileName, int Width, int Height, DateOnly? TakenOn, string? Color = null, string? Original = null)
{
    public string LargeFileName => PhotoNames.Variant(FileName, PhotoNames.LargeWidth);

    public string ThumbnailFileName => PhotoNames.Variant(FileName, PhotoNames.ThumbnailWidth);

    /// <summary>Real widths of the variants, for <c>srcset</c>.</summary>
    public int LargeWidth => VariantWidth(PhotoNames.LargeWidth, Width);

    public int ThumbnailWidth => VariantWidth(PhotoNames.ThumbnailWidth, Width);

    /// <summary>A variant is as wide as it is named, or as the photo when the photo is narrower: never upscaled.</summary>
    public static int VariantWidth(int namedWidth, int photoWidth) => Math.Min(namedWidth, photoWidth);

    public IReadOnlyList<string> AllFileNames => PhotoNames.AllFor(FileName);
}
