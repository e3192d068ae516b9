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

        context.Response.Headers.CacheControl = caching switch
        {
            FileCaching.Public => "public, max-age=31536000, immutable",
            FileCaching.Private => "private, max-age=31536000, immutable",
            _ => "private, no-cache",
        };
        var info = new FileInfo(file.Path);
        var etag = new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(name)}\"");
        return Results.File(file.Path, file.ContentType, lastModified: info.LastWriteTimeUtc, entityTag: etag);
    }
}
