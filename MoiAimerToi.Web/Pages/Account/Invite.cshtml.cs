using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Pages.Shared;

namespace MoiAimerToi.Web.Pages.Account;

/// <summary>
/// <c>/invite/{token}</c>: the invited person chooses a user name, a display name and a password or a passkey. An unknown link
/// answers 404; a used, expired or revoked one 410 with a page saying so; neither makes an account.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Login)]
public sealed class InviteModel(
    InviteService invites,
    PasskeyService passkeys,
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public InviteState State { get; private set; }

    public AccountRole Role { get; private set; }

    [FromRoute]
    public string Token { get; set; } = "";

    /// <summary>What the passkey script sends: the browser's new credential, or why there is none.</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? PasskeyError { get; set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var (state, invite) = await invites.FindAsync(token);
        return Show(state, invite);
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var (state, account) = await invites.AcceptAsync(token, Input.UserName, Input.DisplayName, Input.Password);
        return await JoinedAsync(token, state, account, "pwd");
    }

    /// <summary>The challenge for the new account's passkey, once the names are fine and free (the script's first step).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync(string token)
    {
        var (state, _) = await invites.FindAsync(token);
        if (state != InviteState.Open || (await invites.CheckNamesAsync(Input.UserName, Input.DisplayName)).Count > 0)
        {
            // The script then sends the form anyway, and the answer says what is wrong, next to the field.
            return BadRequest();
        }

        var name = Input.UserName!.Trim();
        var options = await passkeys.CreationOptionsAsync(Guid.NewGuid().ToString(), name, string.IsNullOrWhiteSpace(Input.DisplayName) ? name : Input.DisplayName.Trim());
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostJoinWithPasskeyAsync(string token)
    {
        var names = await invites.CheckNamesAsync(Input.UserName, Input.DisplayName);
        var attested = names.Count == 0 ? await passkeys.AttestAsync(CredentialJson, PasskeyError) : null;
        if (attested is not { Succeeded: true })
        {
            var (state, invite) = await invites.FindAsync(token);
            AddErrors(attested?.Errors ?? names);
            return Show(state, invite);
        }

        var (passkey, entity) = attested.Value;
        // Made for this form's names, and for an account not yet made (not a passkey begun on /account meanwhile).
        if (entity.Name != Input.UserName.Trim() || await users.FindByIdAsync(entity.Id) is not null)
        {
            var (state, invite) = await invites.FindAsync(token);
            AddErrors([new FieldError("passkey", text["Passkey_Expired"])]);
            return Show(state, invite);
        }

        passkey.Name = PasskeyService.Named(null, passkey);
        var (accepted, account) = await invites.AcceptAsync(token, Input.UserName, Input.DisplayName, passkey, entity.Id);
        return await JoinedAsync(token, accepted, account, "passkey");
    }

    private async Task<IActionResult> JoinedAsync(string token, InviteState state, Outcome<AppUser>? account, string method)
    {
        if (account is { Succeeded: true })
        {
            await signIn.SignInAsync(account.Value!, isPersistent: true, authenticationMethod: method);
            return LocalRedirect("/");
        }

        var (_, invite) = await invites.FindAsync(token);
        AddErrors(account?.Errors ?? []);
        return Show(state, invite);
    }

    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field switch
            {
                "password" or "passkey" => "Input.Password",
                "display_name" => "Input.DisplayName",
                _ => "Input.UserName",
            }, error.Message);
        }

        Input.Password = "";
    }

    private IActionResult Show(InviteState state, Invite? invite)
    {
        State = state;
        Role = invite?.Role ?? AccountRole.Guest;
        Response.KeepSecret();
        if (state == InviteState.Unknown)
        {
            return NotFound();
        }

        Response.StatusCode = state == InviteState.Gone ? StatusCodes.Status410Gone : StatusCodes.Status200OK;
        return Page();
    }
}
