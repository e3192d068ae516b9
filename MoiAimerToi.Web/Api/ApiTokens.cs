using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MoiAimerToi.Web.Accounts;

namespace MoiAimerToi.Web.Api;

/// <summary>
/// Issues and checks the signed tokens of <c>POST /api/auth/login</c>. A token names its account by
/// id and user name and carries a digest of the account's security stamp, so it stops working when
/// the account is deleted or renamed or its password changes.
/// </summary>
public sealed class ApiTokens(ApiSigningKey key, IOptions<ApiOptions> options, TimeProvider time)
{
    public const string Issuer = "moi-aimer-toi";
    public const string Audience = "moi-aimer-toi-api";
    public const string UserIdClaim = JwtRegisteredClaimNames.Sub;
    public const string UserNameClaim = "name";
    public const string StampClaim = "stamp";
    public const string Algorithm = SecurityAlgorithms.HmacSha256;

    public string Create(AppUser user, string securityStamp)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.TokenLifetime,
            Claims = new Dictionary<string, object>
            {
                [UserIdClaim] = user.Id,
                [UserNameClaim] = user.UserName ?? "",
                [StampClaim] = StampDigest(securityStamp),
            },
            SigningCredentials = new SigningCredentials(key.Key, Algorithm),
        });
    }

    /// <summary>Only HS256 with our key, our issuer and audience, and an expiry: no <c>alg=none</c>, no other key.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = key.Key,
        ValidAlgorithms = [Algorithm],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateIssuerSigningKey = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = UserNameClaim,
    };

    /// <summary>The account must still exist, under the same name, with the same security stamp.</summary>
    public static async Task CheckAccountAsync(TokenValidatedContext context)
    {
        var principal = context.Principal ?? new ClaimsPrincipal();
        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<AppUser>>();
        var user = principal.FindFirstValue(UserIdClaim) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null
            || user.UserName != principal.FindFirstValue(UserNameClaim)
            || !SameDigest(StampDigest(await users.GetSecurityStampAsync(user)), principal.FindFirstValue(StampClaim)))
        {
            context.Fail("The token's account no longer exists, was renamed, or changed its password.");
            return;
        }

        // Its role and perspective as they are now, not as they were when the token was made.
        ((ClaimsIdentity)principal.Identity!).AddClaims(AppClaims.Of(user));
    }

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(UserIdClaim);

    // Identity derives one-time codes from the stamp itself, so the readable token carries only a digest.
    private static string StampDigest(string stamp) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(stamp)));

    private static bool SameDigest(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
