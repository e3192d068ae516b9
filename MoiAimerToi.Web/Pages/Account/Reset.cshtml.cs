using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Pages.Shared;

namespace MoiAimerToi.Web.Pages.Account;

/// <summary>
/// <c>/reset/{token}</c>: the link a partner made for someone who forgot their password; it asks for a new one, once.
/// A link used, expired or unknown answers 410 with a page saying so (all alike: the token says nothing about whom).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Login)]
public sealed class ResetModel(ResetLinks links, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public string NewPassword { get; set; } = "";

    public AppUser? Account { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Account = await links.FindAsync(token);
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var outcome = await links.ResetAsync(token, NewPassword);
        if (outcome is { Succeeded: true })
        {
            await signIn.SignInAsync(outcome.Value!, isPersistent: false, authenticationMethod: "pwd");
            return LocalRedirect("/");
        }

        Account = outcome is null ? null : await links.FindAsync(token);
        foreach (var error in outcome?.Errors ?? [])
        {
            ModelState.AddModelError(nameof(NewPassword), error.Message);
        }

        NewPassword = "";
        return Show();
    }

    private IActionResult Show()
    {
        Response.KeepSecret();
        Response.StatusCode = Account is null ? StatusCodes.Status410Gone : StatusCodes.Status200OK;
        return Page();
    }
}
