using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Api;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup("/api/auth", "Authentication")
            .MapPost("/login", LoginAsync)
            .WithName("Login")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .Produces<ApiError>(StatusCodes.Status401Unauthorized);
        endpoints.MapApiGroup("/api/me", "Authentication")
            .MapGet("", MeAsync)
            .WithName("Me")
            .RequireAuthorization(ApiAuthentication.MemberPolicy);
        return endpoints;
    }

    /// <summary>Who the token is: name, display name, role and perspective, as they are now.</summary>
    private static async Task<Results<Ok<MeDto>, NotFound<ApiError>>> MeAsync(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        if (ApiTokens.UserId(principal) is not { } id || await users.FindByIdAsync(id) is not { } user)
        {
            return TypedResults.NotFound(new ApiError(ApiTokens.UserId(principal) is null
                ? "The API key is no account: log in with POST /api/auth/login to be someone."
                : "The token's account no longer exists."));
        }

        return TypedResults.Ok(new MeDto(user.UserName ?? "", user.ShownName, AppClaims.RoleValue(user.Role), user.PerspectiveNumber));
    }

    /// <summary>Checks the password as the sign-in form does, and answers a signed token.</summary>
    private static async Task<Results<Ok<TokenDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> LoginAsync(
        LoginRequest? body, PasswordCheck passwords, UserManager<AppUser> users, ApiTokens tokens, HttpContext httpContext)
    {
        var outcome = await passwords.CheckAsync(body?.Username, body?.Password);
        if (outcome.Errors.Any(e => e.Kind == ErrorKind.Refused))
        {
            return TypedResults.Json(ApiError.From(outcome.Errors), statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!outcome.Succeeded)
        {
            return TypedResults.BadRequest(ApiError.From(outcome.Errors));
        }

        var user = outcome.Value!;
        // A token is kept by no cache, and so never compressed (Hosting/Compression.cs).
        httpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new TokenDto(tokens.Create(user, await users.GetSecurityStampAsync(user))));
    }
}

public sealed record LoginRequest(string? Username = null, string? Password = null);

public sealed record TokenDto(string Token);

public sealed record MeDto(string UserName, string DisplayName, string Role, int? PerspectiveNumber);
