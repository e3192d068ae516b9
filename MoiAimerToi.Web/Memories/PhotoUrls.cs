namespace MoiAimerToi.Web.Memories;

/// <summary>The public addresses of a memory's stored photo and its resized variants.</summary>
public static class PhotoUrls
{
    public const string Prefix = "/uploads/";

    public static string? Full(Memory memory) => memory.PhotoFileName is { } name ? Prefix + name : null;

    public static string? Large(Memory memory) => Variant(memory, 1280);

    public static string? Thumbnail(Memory memory) => Variant(memory, 480);

    private static string? Variant(Memory memory, int width) =>
        memory.PhotoFileName is { } name ? $"{Prefix}{Path.GetFileNameWithoutExtension(name)}-{width}.webp" : null;
}
