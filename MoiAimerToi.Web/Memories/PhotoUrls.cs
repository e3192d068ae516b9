using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Memories;

/// <summary>The public addresses of a memory's stored photo and its resized variants, with their real widths for <c>srcset</c>.</summary>
public static class PhotoUrls
{
    public const string Prefix = "/uploads/";

    public static string? Full(Memory memory) => memory.PhotoFileName is { } name ? Prefix + name : null;

    public static string? Large(Memory memory) => Variant(memory, PhotoNames.LargeWidth);

    public static string? Thumbnail(Memory memory) => Variant(memory, PhotoNames.ThumbnailWidth);

    /// <summary>A narrow photo is never upscaled, so its variants are as wide as the photo itself.</summary>
    public static int LargeWidth(Memory memory) => Math.Min(PhotoNames.LargeWidth, memory.PhotoWidth ?? 0);

    public static int ThumbnailWidth(Memory memory) => Math.Min(PhotoNames.ThumbnailWidth, memory.PhotoWidth ?? 0);

    private static string? Variant(Memory memory, int width) =>
        memory.PhotoFileName is { } name ? Prefix + PhotoNames.Variant(name, width) : null;
}
