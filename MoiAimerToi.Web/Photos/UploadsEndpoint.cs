using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Photos;

/// <summary><c>GET /uploads/{name}</c>: only files the pipeline stored, cached for a year since a name never changes content.</summary>
public static class UploadsEndpoint
{
    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder endpoints)
    {
        // Its own rule (MediaAccess), so that whoever may not see a file gets 404, never a sign-in page or a 401.
        endpoints.MapGet("/uploads/{name}", Serve).WithName("Upload").ExcludeFromDescription().AnswerHeadLikeGet().AllowAnonymous()
            .AnswersUnavailableWhileTheStoreIsDown();
        return endpoints;
    }

    private static async Task<IResult> Serve(string name, PhotoFiles files, MediaAccess access, HttpContext context)
    {
        // Who may see it first: a file a visitor may not see costs no request to the store.
        if (!PhotoNames.IsStoredFile(name, out var memoryPhotoName) || await access.CheckAsync(context, memoryPhotoName, context.RequestAborted) is not { } caching
            || await files.FindAsync(name, context.RequestAborted) is not { } file)
        {
            return Results.NotFound();
        }

        return await SendAsync(context, files, file, caching);
    }

    /// <summary>The file with its caching headers (<see cref="PhotoFiles.SendAsync"/>).</summary>
    public static Task<IResult> SendAsync(HttpContext context, PhotoFiles files, PhotoFile file, FileCaching caching, string? downloadName = null)
    {
        context.Response.Headers.CacheControl = caching switch
        {
            FileCaching.Public => "public, max-age=31536000, immutable",
            FileCaching.Private => "private, max-age=31536000, immutable",
            _ => "private, no-cache",
        };
        return files.SendAsync(FileArea.Uploads, file.File, file.ContentType, downloadName, context.RequestAborted);
    }
}
