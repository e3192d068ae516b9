
namespace MoiAimerToi.Web.Memories;

/// <summary>The public addresses of a memory's stored photo and its variants, with the variants' widths for <c>srcset</c>.</summary>
public static class PhotoUrls
{
    public const string Prefix = "/uploads/";

    public static string? Full(Memory memory) => Url(MemoryPhotos.Of(memory)?.FileName);

    public static string? Large(Memory memory) => Url(MemoryPhotos.Of(memory)?.LargeFileName);

    public static string? Thumbnail(Memory memory) => Url(MemoryPhotos.Of(memory)?.ThumbnailFileName);

    public static int LargeWidth(Memory memory) => MemoryPhotos.Of(memory)?.LargeWidth ?? 0;

    public static int ThumbnailWidth(Memory memory) => MemoryPhotos.Of(memory)?.ThumbnailWidth ?? 0;

    private static string? Url(string? fileName) => fileName is null ? null : Prefix + fileName;
}
