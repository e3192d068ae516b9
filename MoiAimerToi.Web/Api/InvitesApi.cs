using System.Security.Claims;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Api;

public static class InvitesApi
{
    public static IEndpointRouteBuilder MapInvitesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/api/invites", "Accounts");
        var partners = group.MapGroup("").RequireAuthorization(ApiAuthentication.EditorPolicy);
        partners.MapPost("", CreateAsync).WithName("CreateInvite");
        partners.MapGet("", ListAsync).WithName("ListInvites");
        partners.MapDelete("/{id:int}", RevokeAsync).WithName("RevokeInvite");
        group.MapPost("/{token}/accept", AcceptAsync).WithName("AcceptInvite").AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        return endpoints;
    }

    private static async Task<Results<Created<InviteCreatedDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> CreateAsync(
        InviteRequest? body, InviteService invites, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        AccountRole role;
        switch (body?.Role)
        {
            case AppClaims.PartnerValue: role = AccountRole.Partner; break;
            case AppClaims.GuestValue: role = AccountRole.Guest; break;
            default:
                return TypedResults.BadRequest(ApiError.From([new FieldError("role", "role must be \"partner\" or \"guest\".")]));
        }

        var outcome = await invites.CreateAsync(role, ApiTokens.UserId(user), cancellationToken);
        if (!outcome.Succeeded)
        {
            return TypedResults.Json(ApiError.From(outcome.Errors), statusCode: StatusCodes.Status409Conflict);
        }

        var (invite, token) = outcome.Value!;
        var url = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, InviteService.PathOf(token));
        return TypedResults.Created($"/api/invites/{invite.Id}", new InviteCreatedDto(invite.Id, url, body.Role, invite.ExpiresAt));
    }

    private static async Task<Ok<InviteDto[]>> ListAsync(InviteService invites, CancellationToken cancellationToken) =>
        TypedResults.Ok((await invites.ListAsync(cancellationToken))
            .Select(i => new InviteDto(i.Id, AppClaims.RoleValue(i.Role), i.ExpiresAt, i.UsedAt, i.RevokedAt)).ToArray());

    private static async Task<Results<Ok<MessageDto>, NotFound<ApiError>>> RevokeAsync(int id, InviteService invites, CancellationToken cancellationToken) =>
        await invites.RevokeAsync(id, cancellationToken)
            ? TypedResults.Ok(new MessageDto("Invite revoked"))
            : TypedResults.NotFound(new ApiError($"No invite has the id {id}."));

    /// <summary>Anyone holding the link: 404 for an unknown one, 410 for a used, expired or revoked one.</summary>
    private static async Task<Results<Created<AcceptedDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>>> AcceptAsync(
        string token, AcceptRequest? body, InviteService invites, CancellationToken cancellationToken)
    {
        var (state, account) = await invites.AcceptAsync(token, body?.UserName, body?.DisplayName, body?.Password, cancellationToken);
        return state switch
        {
            InviteState.Unknown => TypedResults.NotFound(new ApiError("No invite has this link.")),
            InviteState.Gone => TypedResults.Json(new ApiError("This invite has been used, has expired or was revoked."), statusCode: StatusCodes.Status410Gone),
            InviteState.NoRoom => TypedResults.Json(new ApiError("The site already has its two partners."), statusCode: StatusCodes.Status409Conflict),
            _ when account is { Succeeded: true } => TypedResults.Created("/api/me", new AcceptedDto(account.Value!.UserName!, account.Value.ShownName, AppClaims.RoleValue(account.Value.Role))),
            _ => TypedResults.BadRequest(ApiError.From(account!.Errors)),
        };
    }
}

public sealed record InviteRequest(string? Role = null);

public sealed record InviteCreatedDto(int Id, string Url, string Role, DateTime ExpiresAt);

public sealed record InviteDto(int Id, string Role, DateTime ExpiresAt, DateTime? UsedAt, DateTime? RevokedAt);

public sealed record AcceptRequest(string? UserName = null, string? DisplayName = null, string? Password = null);

public sealed record AcceptedDto(string UserName, string DisplayName, string Role);
