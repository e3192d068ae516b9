using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Web.Accounts;

/// <summary>
/// A user name and password, checked the same way for the sign-in form and <c>POST /api/auth/login</c>: both
/// fields required, Identity's lockout counted, and one answer, in about the same time, for an unknown name and
/// a wrong password, so that neither says which names exist. It signs nobody in: the caller does, its own way.
/// </summary>
public sealed class PasswordCheck(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text)
{
    /// <summary>What an unknown name's password is checked against, so that it costs what a real check costs.</summary>
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    /// <returns>The account, or field errors (<c>username</c>, <c>password</c>), or one <see cref="ErrorKind.Refused"/> error.</returns>
    public async Task<Outcome<AppUser>> CheckAsync(string? userName, string? password)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(userName))
        {
            errors.Add(new FieldError("username", text["Error_Required", text["Field_user_name"]]));
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new FieldError("password", text["Error_Required", text["Field_password"]]));
        }

        if (errors.Count > 0)
        {
            return Outcome<AppUser>.Failure(errors);
        }

        var user = await users.FindByNameAsync(userName!.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), NobodysHash.Value, password!);
            return Refused(SignInResult.Failed);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password!, lockoutOnFailure: true);
        return result.Succeeded ? user : Refused(result);
    }

    private Outcome<AppUser> Refused(SignInResult result) =>
        Outcome<AppUser>.Failure([new FieldError("", result.IsLockedOut ? text["Login_LockedOut"] : text["Login_Failed"], ErrorKind.Refused)]);
}
