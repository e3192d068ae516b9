using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Api;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Media;

/// <summary>
/// The pages' side of an album, for a signed-in partner: <c>POST /memories/{id}/media</c> takes one file per request
/// (the album's uploader sends each file on its own, with its own progress and retry), and
/// <c>GET /memories/{id}/media/{mediaId}/original</c> is « Télécharger l'original ».
/// </summary>
public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var limit = endpoints.ServiceProvider.GetRequiredService<IOptions<MediaOptions>>().Value.MaxRequestBytes;
        var group = endpoints.MapGroup("/memories/{id:int}/media").RequireAuthorization(Policies.Editor).ExcludeFromDescription();
        group.MapPost("", AddAsync)
            .RequireRateLimiting(RateLimits.Uploads)
            .WithMetadata(new RequestSizeLimitAttribute(limit));
        group.MapGet("/{mediaId:int}/original", OriginalAsync).WithName("Original").AnswersUnavailableWhileTheStoreIsDown();
        return endpoints;
    }

    /// <returns>201 (a photo, ready) or 202 (a video, being prepared) with <c>{status, id}</c>; else the API's codes with <c>{error}</c>.</returns>
    private static async Task<IResult> AddAsync(
        int id, HttpContext context, IAntiforgery antiforgery, Audience audience, AlbumUploads uploads, IStringLocalizer<SharedResource> text,
        CancellationToken cancellationToken)
    {
        audience.Is(context.User);
        // The token comes in a header (the uploader's), so checking it never reads the file.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest(new ApiError(text["Media_PageExpired"]));
        }

        var (added, refusal) = await uploads.AddAsync(
            id, context.Request, context.User.FindFirstValue(ClaimTypes.NameIdentifier), Results.NotFound(), cancellationToken);
        if (added is not var (_, medium))
        {
            return refusal!;
        }

        return medium.Status == MediaStatus.Processing
            ? Results.Json(new { status = "processing", id = medium.Id }, statusCode: StatusCodes.Status202Accepted)
            : Results.Json(new { status = "ready", id = medium.Id }, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> OriginalAsync(
        int id, int mediaId, Audience audience, MemoryService memories, OriginalFiles originals, PhotoFiles files, HttpContext context)
    {
        audience.Is(context.User);
        var memory = await memories.FindAsync(id, context.RequestAborted);
        return memory?.Media.FirstOrDefault(m => m.Id == mediaId) is { } medium
            ? await OriginalDownload.SendAsync(context, originals, files, memory, medium) ?? Results.NotFound()
            : Results.NotFound();
    }
}
