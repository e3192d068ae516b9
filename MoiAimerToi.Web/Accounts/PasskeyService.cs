using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Web.Accounts;

/// <summary>
/// Passkeys through Identity's own support (.NET 10): the options a browser's <c>navigator.credentials</c> call needs,
/// then the credential it made or used, checked by Identity against the challenge it kept in its short-lived cookie.
/// A challenge that expired or was never asked for throws in Identity (fixed after .NET 10): it is refused here.
/// </summary>
public sealed class PasskeyService(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text)
{
    public const int NameMaxLength = 60;

    /// <summary>The options to make a passkey for an account, existing or about to be (an invitation's).</summary>
    public Task<string> CreationOptionsAsync(string userId, string userName, string displayName) =>
        signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = userId, Name = userName, DisplayName = displayName });

    /// <summary>The browser's new credential, checked; its account is the one the options were made for.</summary>
    public async Task<Outcome<(UserPasskeyInfo Passkey, PasskeyUserEntity For)>> AttestAsync(string? credentialJson, string? browserError)
    {
        if (Refusal(credentialJson, browserError) is { } refused)
        {
            return refused;
        }

        try
        {
            var result = await signIn.PerformPasskeyAttestationAsync(credentialJson!);
            return result.Succeeded
                ? Outcome<(UserPasskeyInfo, PasskeyUserEntity)>.Success((result.Passkey!, result.UserEntity!))
                : Failure(text["Passkey_Refused", result.Failure?.Message ?? ""]);
        }
        catch (InvalidOperationException)
        {
            return Failure(text["Passkey_Expired"]);
        }
    }

    /// <summary>Adds the browser's new passkey to <paramref name="user"/>, named as they chose (or by its date).</summary>
    public async Task<Outcome<UserPasskeyInfo>> AddAsync(AppUser user, string? credentialJson, string? browserError, string? name)
    {
        var attested = await AttestAsync(credentialJson, browserError);
        if (!attested.Succeeded)
        {
            return Outcome<UserPasskeyInfo>.Failure(attested.Errors);
        }

        var (passkey, entity) = attested.Value;
        if (entity.Id != user.Id)
        {
            return Outcome<UserPasskeyInfo>.Failure([new FieldError("passkey", text["Passkey_Expired"])]);
        }

        passkey.Name = Named(name, passkey);
        var saved = await users.AddOrUpdatePasskeyAsync(user, passkey);
        return saved.Succeeded ? passkey : Outcome<UserPasskeyInfo>.Failure([new FieldError("passkey", string.Join(" ", saved.Errors.Select(e => e.Description)))]);
    }

    public static string Named(string? name, UserPasskeyInfo passkey) =>
        string.IsNullOrWhiteSpace(name) ? passkey.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd") : name.Trim()[..Math.Min(name.Trim().Length, NameMaxLength)];

    /// <summary>The options to sign in with any passkey of this site the device holds (no user name asked).</summary>
    public Task<string> RequestOptionsAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    /// <summary>
    /// Signs in whoever the passkey belongs to, with the lockout of the password form. Identity's own
    /// <c>PasskeySignInAsync</c> does the same steps but never keeps the sign-in ("remember me"): hence these.
    /// </summary>
    public async Task<Outcome<AppUser>> SignInAsync(string? credentialJson, string? browserError, bool remember)
    {
        if (Refusal(credentialJson, browserError) is { } refused)
        {
            return Outcome<AppUser>.Failure(refused.Errors);
        }

        try
        {
            var assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson!);
            if (!assertion.Succeeded)
            {
                return Outcome<AppUser>.Failure([new FieldError("passkey", text["Passkey_NotAccepted"])]);
            }

            var user = assertion.User!;
            if (await users.IsLockedOutAsync(user))
            {
                return Outcome<AppUser>.Failure([new FieldError("passkey", text["Login_LockedOut"])]);
            }

            // Its signature count goes up with each use: saved, so that a cloned authenticator is caught.
            await users.AddOrUpdatePasskeyAsync(user, assertion.Passkey!);
            await signIn.SignInAsync(user, remember, authenticationMethod: "passkey");
            return user;
        }
        catch (InvalidOperationException)
        {
            return Outcome<AppUser>.Failure([new FieldError("passkey", text["Passkey_Expired"])]);
        }
    }

    public Task<IList<UserPasskeyInfo>> ListAsync(AppUser user) => users.GetPasskeysAsync(user);

    /// <returns>Null when the account has no passkey with that id; refused for the last way in of an account with no password.</returns>
    public async Task<Outcome<AppUser>?> RemoveAsync(AppUser user, string? credentialId, bool hasPassword)
    {
        byte[] id;
        try
        {
            id = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(credentialId ?? "");
        }
        catch (FormatException)
        {
            return null;
        }

        if (id.Length == 0 || await users.GetPasskeyAsync(user, id) is null)
        {
            return null;
        }

        if (!hasPassword && (await users.GetPasskeysAsync(user)).Count <= 1)
        {
            return Outcome<AppUser>.Failure([new FieldError("passkey", text["Passkey_LastWayIn"])]);
        }

        var removed = await users.RemovePasskeyAsync(user, id);
        return removed.Succeeded ? user : Outcome<AppUser>.Failure([new FieldError("passkey", string.Join(" ", removed.Errors.Select(e => e.Description)))]);
    }

    public static string IdOf(UserPasskeyInfo passkey) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(passkey.CredentialId);

    private Outcome<(UserPasskeyInfo, PasskeyUserEntity)>? Refusal(string? credentialJson, string? browserError) =>
        browserError == "NotAllowedError" ? Failure(text["Passkey_Cancelled"])
        : !string.IsNullOrEmpty(browserError) ? Failure(text["Passkey_BrowserError", browserError])
        : string.IsNullOrWhiteSpace(credentialJson) ? Failure(text["Passkey_None"])
        : null;

    private static Outcome<(UserPasskeyInfo, PasskeyUserEntity)> Failure(string message) =>
        Outcome<(UserPasskeyInfo, PasskeyUserEntity)>.Failure([new FieldError("passkey", message)]);
}
