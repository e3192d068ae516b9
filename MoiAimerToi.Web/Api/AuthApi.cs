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
            .RequireRateLimiting(RateLimits.Login)
            .Produces<ApiError>(StatusCodes.Status401Unauthorized);
        return endpoints;
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
