using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using MoiAimerToi.Web.Common;

namespace MoiAimerToi.Web.Accounts;

/// <summary>
/// One-time links (<c>/reset/{token}</c>) a partner makes for someone else's account, to choose a new password
/// without e-mail. The token is Identity's password-reset token, tied to the account's security stamp: choosing the
/// password through it (or any other way) changes the stamp, which ends it; it also ends after a day (Identity's
/// default lifespan). Nothing is stored.
/// </summary>
public sealed class ResetLinks(UserManager<AppUser> users)
{
    public const string PathPrefix = "/reset/";

    public async Task<string> CreateAsync(AppUser account) =>
        PathPrefix + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes($"{account.Id}|{await users.GeneratePasswordResetTokenAsync(account)}"));

    /// <summary>The account the link is for, while it is still good; null for a link that is unknown, used or expired.</summary>
    public async Task<AppUser?> FindAsync(string? token)
    {
        if (Read(token) is not { } link || await users.FindByIdAsync(link.Id) is not { } account)
        {
            return null;
        }

        var purpose = UserManager<AppUser>.ResetPasswordTokenPurpose;
        return await users.VerifyUserTokenAsync(account, users.Options.Tokens.PasswordResetTokenProvider, purpose, link.ResetToken) ? account : null;
    }

    /// <returns>Null when the link is no longer good; otherwise the new password's outcome (its errors, or the account).</returns>
    public async Task<Outcome<AppUser>?> ResetAsync(string? token, string? password)
    {
        if (await FindAsync(token) is not { } account)
        {
            return null;
        }

        var result = await users.ResetPasswordAsync(account, Read(token)!.Value.ResetToken, password ?? "");
        if (!result.Succeeded)
        {
            return Outcome<AppUser>.Failure(result.Errors.Select(e => new FieldError("password", e.Description)).ToList());
        }

        // Locked out by forgotten passwords: the new one works at once.
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        return account;
    }

    private static (string Id, string ResetToken)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token)).Split('|', 2);
            return parts is [{ Length: > 0 } id, { Length: > 0 } reset] ? (id, reset) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
