
namespace MoiAimerToi.Web.Memories;

/// <summary>The addresses of a memory's cover and of each medium of its album, with the variants' widths for <c>srcset</c>.</summary>
public static class PhotoUrls
{
    public const string Prefix = "/uploads/";

    public static string? Full(Memory memory) => Url(MemoryPhotos.Of(memory)?.FileName);

    public static string? Large(Memory memory) => Url(MemoryPhotos.Of(memory)?.LargeFileName);

    public static string? Thumbnail(Memory memory) => Url(MemoryPhotos.Of(memory)?.ThumbnailFileName);

    public static int LargeWidth(Memory memory) => MemoryPhotos.Of(memory)?.LargeWidth ?? 0;

    public static int ThumbnailWidth(Memory memory) => MemoryPhotos.Of(memory)?.ThumbnailWidth ?? 0;

    /// <summary>A photo's full-size JPEG, a video's MP4 (none while it is prepared).</summary>
    public static string? Full(MemoryMedia medium) => Url(medium.FileName is not null && medium.Status == MediaStatus.Ready ? medium.FileName : null);

    public static string? Large(MemoryMedia medium) => Url(MemoryPhotos.Of(medium)?.LargeFileName);

    public static string? Thumbnail(MemoryMedia medium) => Url(MemoryPhotos.Of(medium)?.ThumbnailFileName);

    /// <summary>A video's poster at full size.</summary>
    public static string? Poster(MemoryMedia medium) => Url(medium.PosterFileName);

    public static int LargeWidth(MemoryMedia medium) => MemoryPhotos.Of(medium)?.LargeWidth ?? 0;

    public static int ThumbnailWidth(MemoryMedia medium) => MemoryPhotos.Of(medium)?.ThumbnailWidth ?? 0;

    private static string? Url(string? fileName) => fileName is null ? null : Prefix + fileName;
}
