using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Photos;
using MoiAimerToi.Web.Transfer;

namespace MoiAimerToi.Web.Sharing;

/// <summary>
/// <c>GET /s/{token}/files/{name}</c>: a photo of what the link shares, while the link is open (and unlocked). The
/// full size only when the link allows downloads; anything else is the same 404 as a file that does not exist.
/// </summary>
public static class SharedFilesEndpoint
{
    public static IEndpointRouteBuilder MapSharedFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/s/{token}/files/{name}", ServeAsync).WithName("SharedFile").ExcludeFromDescription().AnswerHeadLikeGet().AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(
        string token, string name, bool? download, SharedAccess access, MemoryService memories, PhotoFiles files, HttpContext context)
    {
        var (state, link) = await access.OpenAsync(context, token, context.RequestAborted);
        if (state != ShareState.Open || files.Find(name) is not { } file)
        {
            return Results.NotFound();
        }

        var fullSize = name == file.MemoryPhotoName;
        if ((fullSize || download == true) && !link!.AllowDownload)
        {
            return Results.NotFound();
        }

        var memory = link!.MemoryId is { } id
            ? await memories.FindAsync(id, context.RequestAborted)
            : await memories.FindByPhotoAsync(file.MemoryPhotoName, context.RequestAborted);
        if (memory?.PhotoFileName != file.MemoryPhotoName)
        {
            return Results.NotFound();
        }

        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        var downloadName = download == true ? DownloadName(memory.Title, Path.GetExtension(name)) : null;
        // Asked again at each use, so that the link's end is the file's end too.
        return UploadsEndpoint.Send(context, file, FileCaching.Revalidated, downloadName);
    }

    /// <summary>The memory's title as a file name, cleaned as the export names its photos.</summary>
    private static string DownloadName(string title, string extension) =>
        (PhotoEntryNames.Clean(title) is { Length: > 0 } clean ? clean : "photo") + extension;
}
