using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Sharing;

namespace MoiAimerToi.Web.Api;

public static class ShareLinksApi
{
    public static IEndpointRouteBuilder MapShareLinksApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/api/share-links", "Sharing").RequireAuthorization(ApiAuthentication.EditorPolicy);
        group.MapPost("", CreateAsync).WithName("CreateShareLink");
        group.MapGet("", ListAsync).WithName("ListShareLinks");
        group.MapDelete("/{id:int}", RevokeAsync).WithName("RevokeShareLink");
        return endpoints;
    }

    /// <summary>400 for a wrong field, 404 for an unknown memory, 409 for a "just us" one.</summary>
    private static async Task<Results<Created<ShareLinkDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> CreateAsync(
        ShareLinkRequest? body, ShareLinkService links, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        body ??= new ShareLinkRequest();
        var input = new ShareLinkInput(body.MemoryId, body.Password, body.ExpiresAt, body.AllowDownload ?? false, body.ShowPreview ?? false);
        var outcome = await links.CreateAsync(input, ApiTokens.UserId(user), cancellationToken);
        if (outcome.Succeeded)
        {
            var made = outcome.Value!;
            return TypedResults.Created($"/api/share-links/{made.Link.Id}", ShareLinkDto.From(made, request));
        }

        var error = ApiError.From(outcome.Errors);
        return outcome.Errors switch
        {
            [{ Kind: ErrorKind.Conflict }] => TypedResults.Conflict(error),
            [{ Field: "memory_id" }] => TypedResults.NotFound(error),
            _ => TypedResults.BadRequest(error),
        };
    }

    private static async Task<Ok<ShareLinkDto[]>> ListAsync(ShareLinkService links, HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok((await links.ListAsync(cancellationToken)).Select(e => ShareLinkDto.From(e, request)).ToArray());

    private static async Task<Results<Ok<MessageDto>, NotFound<ApiError>>> RevokeAsync(int id, ShareLinkService links, CancellationToken cancellationToken) =>
        await links.RevokeAsync(id, cancellationToken)
            ? TypedResults.Ok(new MessageDto("Share link revoked"))
            : TypedResults.NotFound(new ApiError($"No share link has the id {id}."));
}

/// <param name="ExpiresAt">An instant; without an offset it is taken as UTC.</param>
public sealed record ShareLinkRequest(int? MemoryId = null, string? Password = null, DateTime? ExpiresAt = null, bool? AllowDownload = null, bool? ShowPreview = null);

/// <param name="Url">Null only when the site's Data Protection keys were lost since the link was made (it still works).</param>
public sealed record ShareLinkDto(
    int Id,
    string? Url,
    int? MemoryId,
    DateTime? ExpiresAt,
    bool AllowDownload,
    bool HasPassword,
    bool ShowPreview,
    int Views,
    DateTime? LastViewedAt)
{
    public static ShareLinkDto From(ShareLinkEntry entry, HttpRequest request)
    {
        var link = entry.Link;
        return new(link.Id, entry.Token is { } token ? SharedAccess.UrlOf(request, token) : null, link.MemoryId, link.ExpiresAt,
            link.AllowDownload, link.PasswordHash is not null, link.ShowPreview, link.Views, link.LastViewedAt);
    }
}
