using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Web.Api;

/// <summary><c>/api/memories/{id}/sides</c>: the two sides of a memory, as <see cref="SideService"/> lets this reader have them.</summary>
public static class SidesApi
{
    public static IEndpointRouteBuilder MapSidesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/api/memories/{id:int}/sides", "Memories");
        group.MapGet("", ListAsync).WithName("ListSides");
        group.MapPut("/mine", SaveMineAsync).WithName("SaveMySide").RequireAuthorization(ApiAuthentication.EditorPolicy);
        return endpoints;
    }

    private static async Task<Results<Ok<SideDto[]>, NotFound<ApiError>>> ListAsync(int id, SideService sides, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await sides.ForAsync(id, Reader(user), cancellationToken) is { } views ? TypedResults.Ok(Dtos(views)) : MemoriesApi.NotFound(id);

    /// <returns>403 for the key, which is no partner and so has no side of its own.</returns>
    private static async Task<Results<Ok<SideDto[]>, BadRequest<ApiError>, NotFound<ApiError>, JsonHttpResult<ApiError>>> SaveMineAsync(
        int id, SideRequest? body, SideService sides, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (Reader(user) is not { } reader)
        {
            return TypedResults.Json(new ApiError("Only a partner's token has a side of its own; the key has none."), statusCode: StatusCodes.Status403Forbidden);
        }

        var outcome = await sides.SaveMineAsync(id, reader, body?.Content, body?.Reveal ?? false, cancellationToken);
        return outcome switch
        {
            null => MemoriesApi.NotFound(id),
            { Succeeded: true } => TypedResults.Ok(Dtos(outcome.Value!)),
            _ => TypedResults.BadRequest(ApiError.From(outcome.Errors)),
        };
    }

    /// <summary>A partner's token reads as that partner; the key, a guest or a visitor as no partner at all.</summary>
    private static string? Reader(ClaimsPrincipal user) => AppClaims.IsPartner(user) ? ApiTokens.UserId(user) : null;

    private static SideDto[] Dtos(IReadOnlyList<SideView> views) =>
        views.Select(v => new SideDto(v.AuthorName, v.Revealed, v.Content)).ToArray();
}

public sealed record SideRequest(string? Content, bool? Reveal);

/// <summary><c>content</c> is null while the side is hidden from this reader.</summary>
public sealed record SideDto(string Author, bool Revealed, string? Content);
