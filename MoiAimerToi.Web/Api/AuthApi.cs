using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Localization;

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

    /// <summary>Checks the password through Identity, with its lockout, and answers a signed token.</summary>
    private static async Task<Results<Ok<TokenDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> LoginAsync(
        LoginRequest? body,
        UserManager<AppUser> users,
        SignInManager<AppUser> signIn,
        ApiTokens tokens,
        IStringLocalizer<SharedResource> text)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(body?.Username))
        {
            errors.Add(new FieldError("username", text["Error_Required", text["Field_user_name"]]));
        }

        if (string.IsNullOrEmpty(body?.Password))
        {
            errors.Add(new FieldError("password", text["Error_Required", text["Field_password"]]));
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(ApiError.From(errors));
        }

        // One answer for an unknown name and a wrong password, as on the login page.
        var user = await users.FindByNameAsync(body!.Username!.Trim());
        var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, body.Password!, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            var message = result.IsLockedOut ? text["Login_LockedOut"] : text["Login_Failed"];
            return TypedResults.Json(new ApiError(message), statusCode: StatusCodes.Status401Unauthorized);
        }

        return TypedResults.Ok(new TokenDto(tokens.Create(user!, await users.GetSecurityStampAsync(user!))));
    }
}

public sealed record LoginRequest(string? Username = null, string? Password = null);

public sealed record TokenDto(string Token);
