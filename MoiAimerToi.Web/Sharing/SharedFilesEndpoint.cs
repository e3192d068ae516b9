using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Media;
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
        endpoints.MapGet("/s/{token}/files/{name}", ServeAsync).WithName("SharedFile").ExcludeFromDescription().AnswerHeadLikeGet().AllowAnonymous()
            .AnswersUnavailableWhileTheStoreIsDown();
        endpoints.MapGet("/s/{token}/originals/{mediaId:int}", OriginalAsync).WithName("SharedOriginal").ExcludeFromDescription().AllowAnonymous()
            .AnswersUnavailableWhileTheStoreIsDown();
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(
        string token, string name, bool? download, SharedAccess access, MemoryService memories, PhotoFiles files, HttpContext context)
    {
        var (state, link) = await access.OpenAsync(context, token, context.RequestAborted);
        if (state != ShareState.Open || await files.FindAsync(name, context.RequestAborted) is not { } file)
        {
            return Results.NotFound();
        }

        // A photo's full-size JPEG (not a video, which is what a link shows of it) is a download.
        var fullSize = name == file.MemoryPhotoName && file.ContentType == "image/jpeg";
        if ((fullSize || download == true) && !link!.AllowDownload)
        {
            return Results.NotFound();
        }

        if (await memories.FindByFileAsync(file.MemoryPhotoName, context.RequestAborted) is not var (memory, _)
            || (link!.MemoryId is { } id && memory.Id != id))
        {
            return Results.NotFound();
        }

        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        var downloadName = download == true ? DownloadName(memory.Title, Path.GetExtension(name)) : null;
        // Asked again at each use, so that the link's end is the file's end too.
        return await UploadsEndpoint.SendAsync(context, files, file, FileCaching.Revalidated, downloadName);
    }

    /// <summary>« Télécharger » on a link that allows downloads: the original of a photo or video the link shows.</summary>
    private static async Task<IResult> OriginalAsync(
        string token, int mediaId, SharedAccess access, MemoryService memories, OriginalFiles originals, PhotoFiles files, HttpContext context)
    {
        var (state, link) = await access.OpenAsync(context, token, context.RequestAborted);
        if (state != ShareState.Open || !link!.AllowDownload)
        {
            return Results.NotFound();
        }

        var memory = link.MemoryId is { } id ? await memories.FindAsync(id, context.RequestAborted) : await memories.FindByMediumAsync(mediaId, context.RequestAborted);
        // Only what the shared page shows: a video still prepared, or failed, is not on it.
        if (memory?.Media.FirstOrDefault(m => m.Id == mediaId && m.Status == MediaStatus.Ready) is not { } medium)
        {
            return Results.NotFound();
        }

        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return await OriginalDownload.SendAsync(context, originals, files, memory, medium) ?? Results.NotFound();
    }

    /// <summary>The memory's title as a file name, cleaned as the export names its photos.</summary>
    private static string DownloadName(string title, string extension) =>
        (PhotoEntryNames.Clean(title) is { Length: > 0 } clean ? clean : "photo") + extension;
}
