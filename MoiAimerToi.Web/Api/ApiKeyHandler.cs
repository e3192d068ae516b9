using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Accounts;

namespace MoiAimerToi.Web.Api;

/// <summary>
/// <c>X-API-KEY: &lt;key&gt;</c>, for scripts. Without a configured key the header is ignored,
/// so no key works by default outside Development.
/// </summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<ApiOptions> apiOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string HeaderName = "X-API-KEY";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var configured = apiOptions.Value.Key;
        if (configured is null || !Request.Headers.TryGetValue(HeaderName, out var sent))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!Matches(sent.ToString(), configured))
        {
            ApiErrors.Describe(Context, "The API key is not valid.");
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        // Scripts write as a partner, and may write both perspectives, as they always could.
        Claim[] claims = [new(ApiTokens.UserNameClaim, "api-key"), new(AppClaims.Role, AppClaims.PartnerValue), new(AppClaims.ApiKey, "true")];
        var identity = new ClaimsIdentity(claims, Scheme.Name, ApiTokens.UserNameClaim, null);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    /// <summary>Compares digests of equal length in constant time, so neither the key nor its length leaks.</summary>
    private static bool Matches(string sent, string configured) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}
