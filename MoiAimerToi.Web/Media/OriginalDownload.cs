using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Photos;
using MoiAimerToi.Web.Storage;
using MoiAimerToi.Web.Transfer;

namespace MoiAimerToi.Web.Media;

/// <summary>« Télécharger l'original »: the file exactly as uploaded, under the name it was uploaded with.</summary>
public static class OriginalDownload
{
    /// <returns>The file, or null when the medium kept no original (or it has gone).</returns>
    public static async Task<IResult?> SendAsync(HttpContext context, OriginalFiles originals, PhotoFiles files, Memory memory, MemoryMedia medium)
    {
        if (await originals.FindAsync(medium.OriginalFileName, context.RequestAborted) is not { } file)
        {
            return null;
        }

        // Nothing of a partner's own file is kept by any cache on the way.
        context.Response.Headers.CacheControl = "private, no-store";
        return await files.SendAsync(FileArea.Originals, file, OriginalFiles.ContentType(file.Name), NameOf(memory, medium), context.RequestAborted);
    }

    /// <summary>The name it was uploaded with, else the memory's title; always with the original's own extension.</summary>
    public static string NameOf(Memory memory, MemoryMedia medium)
    {
        var extension = Path.GetExtension(medium.OriginalFileName ?? "");
        var name = medium.OriginalName is { } uploaded ? PhotoEntryNames.Clean(uploaded) : "";
        if (name.Length == 0)
        {
            name = PhotoEntryNames.Clean(memory.Title) is { Length: > 0 } title ? title : "original";
        }

        return Path.GetExtension(name).Equals(extension, StringComparison.OrdinalIgnoreCase) ? name : name + extension;
    }
}
