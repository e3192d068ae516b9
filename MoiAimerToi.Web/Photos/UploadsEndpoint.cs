using Microsoft.Net.Http.Headers;
using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Photos;

/// <summary><c>GET /uploads/{name}</c>: only files the pipeline stored, cached for a year since a name never changes content.</summary>
public static class UploadsEndpoint
{
    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder endpoints)
    {
        // Its own rule (MediaAccess), so that whoever may not see a file gets 404, never a sign-in page or a 401.
        endpoints.MapGet("/uploads/{name}", Serve).WithName("Upload").ExcludeFromDescription().AnswerHeadLikeGet().AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> Serve(string name, PhotoFiles files, MediaAccess access, HttpContext context)
    {
        if (files.Find(name) is not { } file || await access.CheckAsync(context, file.MemoryPhotoName, context.RequestAborted) is not { } caching)
        {
            return Results.NotFound();
        }

        return Send(context, file, caching);
    }

    /// <summary>The file with its caching headers; its name (it never changes content) is its ETag; a <c>Range</c> gets 206.</summary>
    public static IResult Send(HttpContext context, PhotoFile file, FileCaching caching, string? downloadName = null)
    {
        context.Response.Headers.CacheControl = caching switch
        {
            FileCaching.Public => "public, max-age=31536000, immutable",
            FileCaching.Private => "private, max-age=31536000, immutable",
            _ => "private, no-cache",
        };
        var info = new FileInfo(file.Path);
        var etag = new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(file.Path)}\"");
        return Results.File(file.Path, file.ContentType, downloadName, lastModified: info.LastWriteTimeUtc, entityTag: etag, enableRangeProcessing: true);
    }
}
