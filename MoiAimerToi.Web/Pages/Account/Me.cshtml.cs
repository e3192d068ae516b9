using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Web.Pages.Account;

/// <summary><c>/account</c>: anyone with an account, partner or guest, changes their display name and password, and keeps their passkeys.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class MeModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    PasskeyService passkeys,
    AccountRemoval removal,
    FieldRules rules,
    CoupleClock clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public ProfileInput Profile { get; set; } = new();

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    /// <summary>The new passkey's name (« iPhone de Camille »), and what the passkey script sends.</summary>
    [BindProperty]
    public string? PasskeyName { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? PasskeyError { get; set; }

    public IList<UserPasskeyInfo> Passkeys { get; private set; } = [];

    /// <summary>The signed-in account, found before any handler runs.</summary>
    private AppUser Account { get; set; } = null!;

    /// <summary>The box that says « yes, close my account » (the button alone is too easy to press).</summary>
    [BindProperty]
    public bool ConfirmClose { get; set; }

    public bool HasPassword { get; private set; } = true;

    /// <summary>An account closed in the last minute can still hold an accepted cookie: it is signed out, not shown an error.</summary>
    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            await signIn.SignOutAsync();
            context.Result = RedirectToPage("/Account/Login");
            return;
        }

        Account = account;
        await next();
    }

    public async Task OnGetAsync()
    {
        FillProfile();
        await LoadAsync();
    }

    /// <summary>The challenge for a new passkey of this account (the script's first step).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var user = Account;
        return Content(await passkeys.CreationOptionsAsync(user.Id, user.UserName!, user.ShownName), "application/json");
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync()
    {
        var user = Account;
        var outcome = await passkeys.AddAsync(user, CredentialJson, PasskeyError, PasskeyName);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(nameof(PasskeyName), outcome.Errors[0].Message);
            FillProfile();
            await LoadAsync();
            return Page();
        }

        Notice = text["Passkey_Added", outcome.Value!.Name ?? ""];
        return RedirectToPage(null, null, "passkeys");
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(string? id)
    {
        var user = Account;
        var outcome = await passkeys.RemoveAsync(user, id, await users.HasPasswordAsync(user));
        if (outcome is null)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            Notice = outcome.Errors[0].Message;
            return RedirectToPage(null, null, "passkeys");
        }

        Notice = text["Passkey_Removed"];
        return RedirectToPage(null, null, "passkeys");
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        var user = Account;
        var name = Profile.DisplayName.Trim();
        if (name.Length == 0 || name.Length > AppUser.DisplayNameMaxLength)
        {
            ModelState.AddModelError("Profile.DisplayName", text[name.Length == 0 ? "Error_Missing" : "Error_TooLong", text["Field_display_name"], AppUser.DisplayNameMaxLength]);
        }

        var errors = new List<FieldError>();
        var birthday = IsPartner && Profile.Birthday.Trim().Length > 0 ? rules.PastDate(errors, "birthday", Profile.Birthday, clock.Today) : null;
        foreach (var error in errors)
        {
            ModelState.AddModelError("Profile.Birthday", error.Message);
        }

        if (Profile.Language is not ("fr" or "en"))
        {
            ModelState.AddModelError("Profile.Language", text["Error_Language"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        user.DisplayName = name;
        user.Language = Profile.Language;
        if (IsPartner)
        {
            user.Birthday = birthday;
        }

        await users.UpdateAsync(user);
        Notice = text["Settings_ProfileSaved"];
        return RedirectToPage();
    }

    /// <summary>The profile form as saved, beside another form's errors.</summary>
    private void FillProfile() => Profile = new ProfileInput
    {
        DisplayName = Account.DisplayName,
        Birthday = Account.Birthday?.ToString(FieldRules.DateFormat) ?? "",
        Language = Account.Language,
    };

    /// <summary>Only a partner's birthday is in the couple's calendar, so only a partner is asked for it.</summary>
    public bool IsPartner => Account.Role == AccountRole.Partner;

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        var user = Account;
        // An account made with a passkey alone has no password yet: it chooses one, no current one asked.
        var result = await users.HasPasswordAsync(user)
            ? await users.ChangePasswordAsync(user, Password.Current, Password.New)
            : await users.AddPasswordAsync(user, Password.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Password.Current" : "Password.New", error.Description);
            }

            Password = new PasswordInput();
            await LoadAsync();
            return Page();
        }

        // The stamp changed: other devices and tokens are signed out, this one signs in again.
        await signIn.RefreshSignInAsync(user);
        Notice = text["Settings_PasswordChanged"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCloseAsync()
    {
        var user = Account;
        var outcome = ConfirmClose ? await removal.RemoveAsync(user) : null;
        if (outcome is not { Succeeded: true })
        {
            ModelState.AddModelError(nameof(ConfirmClose), outcome?.Errors[0].Message ?? text["Account_CloseConfirmMissing"]);
            FillProfile();
            await LoadAsync();
            return Page();
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    private async Task LoadAsync()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var user = Account;
        Passkeys = await passkeys.ListAsync(user);
        HasPassword = await users.HasPasswordAsync(user);
    }
}
