using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Web.Api;

public static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/api/settings", "Settings").RequireAuthorization(ApiAuthentication.EditorPolicy);
        group.MapGet("/visibility", Get).WithName("GetVisibility");
        group.MapPut("/visibility", SetAsync).WithName("SetVisibility");
        return endpoints;
    }

    private static Ok<VisibilityDto> Get(VisibilityService site) => TypedResults.Ok(VisibilityDto.From(site.Current));

    private static async Task<Results<Ok<VisibilityDto>, BadRequest<ApiError>>> SetAsync(
        VisibilityDto? body, VisibilityService site, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (VisibilityService.Read(body?.Visibility) is not { } chosen)
        {
            return TypedResults.BadRequest(ApiError.From([new FieldError("visibility", "visibility must be \"public\" or \"private\".")]));
        }

        await site.SetAsync(chosen, ApiTokens.UserId(user), cancellationToken);
        return TypedResults.Ok(VisibilityDto.From(site.Current));
    }
}

public sealed record VisibilityDto(string? Visibility = null)
{
    public static VisibilityDto From(SiteVisibility visibility) => new(visibility == SiteVisibility.Private ? "private" : "public");
}
