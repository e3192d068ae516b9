using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Web.Api;

/// <summary>
/// The API's own schemes. The site's default scheme stays the Identity cookie; the API's policy names
/// only these two, so a signed-in browser cannot be made to write through <c>/api</c> (no CSRF).
/// </summary>
public static class ApiAuthentication
{
    public const string BearerScheme = JwtBearerDefaults.AuthenticationScheme;
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>May change content through the API: a partner's token, or the API key.</summary>
    public const string EditorPolicy = "ApiEditor";

    /// <summary>May read through the API: anyone while the site is Public; an account's token or the key while it is Private.</summary>
    public const string ReaderPolicy = "ApiReader";

    /// <summary>Any account's token (<c>GET /api/me</c>).</summary>
    public const string MemberPolicy = "ApiMember";

    /// <summary>The API's own principal for this request (a token's or the key's), never the sign-in cookie's.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(HttpContext context)
    {
        foreach (var scheme in new[] { BearerScheme, ApiKeyScheme })
        {
            if ((await context.AuthenticateAsync(scheme)).Principal is { } principal)
            {
                return principal;
            }
        }

        return new ClaimsPrincipal(new ClaimsIdentity());
    }

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ApiSigningKey>();
        services.AddSingleton<ApiTokens>();

        services.AddAuthentication()
            .AddJwtBearer(BearerScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyScheme, null);

        services.AddOptions<JwtBearerOptions>(BearerScheme).Configure<ApiTokens>((options, tokens) =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = tokens.ValidationParameters();
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = ApiTokens.CheckAccountAsync,
                OnChallenge = context =>
                {
                    if (context.AuthenticateFailure is { } failure)
                    {
                        ApiErrors.Describe(context.HttpContext, failure is SecurityTokenExpiredException
                            ? "The token has expired: log in again with POST /api/auth/login."
                            : "The token is not valid: log in again with POST /api/auth/login.");
                    }

                    return Task.CompletedTask;
                },
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, policy => policy
                .AddAuthenticationSchemes(BearerScheme, ApiKeyScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => AppClaims.IsPartner(context.User)))
            .AddPolicy(ReaderPolicy, policy => policy
                .AddAuthenticationSchemes(BearerScheme, ApiKeyScheme)
                .AddRequirements(new VisibleSite()))
            .AddPolicy(MemberPolicy, policy => policy
                .AddAuthenticationSchemes(BearerScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => AppClaims.IsMember(context.User)));
        return services;
    }
}
