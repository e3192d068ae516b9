using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Web.Pages.Account;

/// <summary>Creates the first account when none was configured; gone (404) as soon as any account exists.</summary>
[AllowAnonymous]
public sealed class SetupModel(
    FirstAccountService firstAccount,
    AccountState accounts,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    Site.VisibilityService visibility,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public IActionResult OnGet() => accounts.HasAccount ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (accounts.HasAccount)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Input.UserName))
        {
            ModelState.AddModelError("Input.UserName", text["Error_Required", text["Field_user_name"]]);
        }

        if (Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", text["Setup_PasswordsDiffer"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var result = await firstAccount.CreateAsync(Input.UserName, Input.Password);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.UserName";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        var user = (await users.FindByNameAsync(Input.UserName.Trim()))!;
        await visibility.SetAsync(Enum.IsDefined(Input.Visibility) ? Input.Visibility : Site.SiteVisibility.Private, user.Id);
        await signIn.SignInAsync(user, isPersistent: true);
        return RedirectToPage("/Home/Index");
    }
}
