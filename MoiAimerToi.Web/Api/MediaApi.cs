using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Media;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Api;

/// <summary>A memory's album through the API (api-contract.md, "Media"): add one file, remove one, order them, fetch an original.</summary>
public static class MediaApi
{
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder endpoints)
    {
        var limit = endpoints.ServiceProvider.GetRequiredService<IOptions<MediaOptions>>().Value.MaxRequestBytes;
        var group = endpoints.MapApiGroup("/api/memories/{id:int}/media", "Media").RequireAuthorization(ApiAuthentication.EditorPolicy);
        group.MapPost("", AddAsync)
            .WithName("AddMedia")
            .RequireRateLimiting(RateLimits.Uploads)
            // The largest video, plus the multipart framing around it; the body is refused as it grows past this.
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithMultipartBody<MediaForm>()
            .Produces<MemoryDto>(StatusCodes.Status201Created)
            .Produces<MemoryDto>(StatusCodes.Status202Accepted)
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ApiError>(StatusCodes.Status415UnsupportedMediaType)
            .Produces<ApiError>(StatusCodes.Status422UnprocessableEntity)
            .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable);
        group.MapDelete("/{mediaId:int}", RemoveAsync).WithName("RemoveMedia");
        group.MapPut("/order", OrderAsync).WithName("OrderMedia");
        group.MapGet("/{mediaId:int}/original", OriginalAsync).WithName("MediaOriginal").AnswersUnavailableWhileTheStoreIsDown();
        return endpoints;
    }

    private static async Task<IResult> AddAsync(
        int id, HttpRequest request, AlbumUploads uploads, Partners partners, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (added, refusal) = await uploads.AddAsync(id, request, ApiTokens.UserId(user), MemoriesApi.NotFound(id), cancellationToken);
        if (added is not var (memory, medium))
        {
            return refusal!;
        }

        var body = MemoryDto.From(memory, await partners.AccountsAsync(cancellationToken));
        return medium.Status == MediaStatus.Processing
            ? TypedResults.Accepted($"/api/memories/{id}", body)
            : TypedResults.Created($"/api/memories/{id}", body);
    }

    private static async Task<Results<Ok<MemoryDto>, NotFound<ApiError>>> RemoveAsync(
        int id, int mediaId, AlbumService album, Partners partners, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await album.RemoveAsync(id, mediaId, ApiTokens.UserId(user), cancellationToken) is { } memory
            ? TypedResults.Ok(MemoryDto.From(memory, await partners.AccountsAsync(cancellationToken)))
            : TypedResults.NotFound(new ApiError($"Memory {id} has no photo or video with the id {mediaId}."));

    private static async Task<IResult> OrderAsync(
        int id, HttpRequest request, AlbumService album, Partners partners, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        MediaOrderRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<MediaOrderRequest>(cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return TypedResults.BadRequest(exception is JsonException json ? ApiErrors.MalformedJson(json) : new ApiError("Send a JSON body: {\"ids\": [...]}."));
        }

        var outcome = await album.OrderAsync(id, body?.Ids ?? [], ApiTokens.UserId(user), cancellationToken);
        return outcome switch
        {
            null => MemoriesApi.NotFound(id),
            { Succeeded: true } => TypedResults.Ok(MemoryDto.From(outcome.Value!, await partners.AccountsAsync(cancellationToken))),
            _ => MemoriesApi.Refused(outcome.Errors),
        };
    }

    /// <summary>Partners' tokens and the key only (the group's policy): a guest's token gets 403.</summary>
    private static async Task<IResult> OriginalAsync(
        int id, int mediaId, MemoryService memories, OriginalFiles originals, PhotoFiles files, HttpContext context, CancellationToken cancellationToken)
    {
        var memory = await memories.FindAsync(id, cancellationToken);
        if (memory?.Media.FirstOrDefault(m => m.Id == mediaId) is not { } medium)
        {
            return TypedResults.NotFound(new ApiError($"Memory {id} has no photo or video with the id {mediaId}."));
        }

        return await OriginalDownload.SendAsync(context, originals, files, memory, medium)
            ?? TypedResults.NotFound(new ApiError("The original of this photo or video was not kept (Media:KeepOriginals)."));
    }
}

/// <summary><c>PUT /api/memories/{id}/media/order</c>: every medium's id once, the cover first.</summary>
public sealed record MediaOrderRequest(IReadOnlyList<int>? Ids);

/// <summary>The multipart form of <c>POST /api/memories/{id}/media</c>, for the OpenAPI document.</summary>
public sealed record MediaForm(IFormFile File);
