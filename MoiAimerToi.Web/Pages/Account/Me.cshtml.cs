using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Web.Pages.Account;

/// <summary><c>/account</c>: anyone with an account, partner or guest, changes their display name and their password.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class MeModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public ProfileInput Profile { get; set; } = new();

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    public async Task OnGetAsync()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Profile.DisplayName = (await users.GetUserAsync(User))?.DisplayName ?? "";
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        var user = await users.GetUserAsync(User);
        var name = Profile.DisplayName.Trim();
        if (name.Length == 0 || name.Length > AppUser.DisplayNameMaxLength)
        {
            ModelState.AddModelError("Profile.DisplayName", text[name.Length == 0 ? "Error_Missing" : "Error_TooLong", text["Field_display_name"], AppUser.DisplayNameMaxLength]);
            return Page();
        }

        user!.DisplayName = name;
        await users.UpdateAsync(user);
        Notice = text["Settings_ProfileSaved"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        var result = await users.ChangePasswordAsync(user!, Password.Current, Password.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Password.Current" : "Password.New", error.Description);
            }

            Password = new PasswordInput();
            return Page();
        }

        // The stamp changed: other devices and tokens are signed out, this one signs in again.
        await signIn.RefreshSignInAsync(user!);
        Notice = text["Settings_PasswordChanged"];
        return RedirectToPage();
    }
}
