using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(PasswordCheck passwords, PasskeyService passkeys, SignInManager<AppUser> signIn, AccountState accounts) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>What the passkey script sends: the browser's credential, or why there is none.</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? PasskeyError { get; set; }

    public bool NeedsSetup => !accounts.HasAccount;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await passwords.CheckAsync(Input.UserName, Input.Password);
        if (outcome.Succeeded)
        {
            await signIn.SignInAsync(outcome.Value!, Input.RememberMe, authenticationMethod: "pwd");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError(error.Field switch { "username" => "Input.UserName", "password" => "Input.Password", _ => "" }, error.Message);
        }

        Input.Password = "";
        return Page();
    }

    /// <summary>The challenge for any passkey of this site the device holds (the script's first step).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Content(await passkeys.RequestOptionsAsync(), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        var outcome = await passkeys.SignInAsync(CredentialJson, PasskeyError, Input.RememberMe);
        if (outcome.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError("", outcome.Errors[0].Message);
        return Page();
    }
}
