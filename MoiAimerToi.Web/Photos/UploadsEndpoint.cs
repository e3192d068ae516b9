using Microsoft.Net.Http.Headers;
using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Photos;

/// <summary><c>GET /uploads/{name}</c>: only files the pipeline stored, cached for a year since a name never changes content.</summary>
public static class UploadsEndpoint
{
    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/uploads/{name}", Serve).WithName("Upload").ExcludeFromDescription().AnswerHeadLikeGet();
        return endpoints;
    }

    private static IResult Serve(string name, PhotoFiles files, HttpContext context)
    {
        if (files.Find(name) is not { } file)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        var info = new FileInfo(file.Path);
        var etag = new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(name)}\"");
        return Results.File(file.Path, file.ContentType, lastModified: info.LastWriteTimeUtc, entityTag: etag);
    }
}
