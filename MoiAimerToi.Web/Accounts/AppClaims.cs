using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MoiAimerToi.Web.Accounts;

/// <summary>
/// What a signed-in principal says about its account: its role and perspective, put there at sign-in (the cookie),
/// when a token is checked (the API) or by the API key (a partner who may write both perspectives).
/// </summary>
public static class AppClaims
{
    public const string Role = "moi:role";
    public const string Perspective = "moi:perspective";
    public const string ApiKey = "moi:api-key";
    public const string PartnerValue = "partner";
    public const string GuestValue = "guest";

    public static string RoleValue(AccountRole role) => role == AccountRole.Partner ? PartnerValue : GuestValue;

    /// <summary>The claims an account's principal carries, the same for the cookie and the API's tokens.</summary>
    public static IEnumerable<Claim> Of(AppUser user)
    {
        yield return new Claim(Role, RoleValue(user.Role));
        if (user.PerspectiveNumber is { } number)
        {
            yield return new Claim(Perspective, number.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static bool IsPartner(ClaimsPrincipal user) => user.HasClaim(Role, PartnerValue);

    public static bool IsMember(ClaimsPrincipal user) => IsPartner(user) || user.HasClaim(Role, GuestValue);

    public static bool IsApiKey(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ApiKey);

    public static int? PerspectiveOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Perspective), CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Puts <see cref="Of"/> into the sign-in cookie.</summary>
    public sealed class Factory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
        : UserClaimsPrincipalFactory<AppUser>(users, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            identity.AddClaims(Of(user));
            return identity;
        }
    }
}
