using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Pages.Account;

/// <summary>
/// <c>/invite/{token}</c>: the invited person chooses a user name, a display name and a password. An unknown link
/// answers 404; a used, expired or revoked one 410 with a page saying so; neither makes an account.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Login)]
public sealed class InviteModel(InviteService invites, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public InviteState State { get; private set; }

    public AccountRole Role { get; private set; }

    [FromRoute]
    public string Token { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var (state, invite) = await invites.FindAsync(token);
        return Show(state, invite);
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var (state, account) = await invites.AcceptAsync(token, Input.UserName, Input.DisplayName, Input.Password);
        if (account is { Succeeded: true })
        {
            await signIn.SignInAsync(account.Value!, isPersistent: true, authenticationMethod: "pwd");
            return LocalRedirect("/");
        }

        var (_, invite) = await invites.FindAsync(token);
        foreach (var error in account?.Errors ?? [])
        {
            ModelState.AddModelError(error.Field switch { "password" => "Input.Password", "display_name" => "Input.DisplayName", _ => "Input.UserName" }, error.Message);
        }

        Input.Password = "";
        return Show(state, invite);
    }

    private IActionResult Show(InviteState state, Invite? invite)
    {
        State = state;
        Role = invite?.Role ?? AccountRole.Guest;
        // The link is a secret: no cache keeps the page, and no other site learns it from a Referer.
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (state == InviteState.Unknown)
        {
            return NotFound();
        }

        Response.StatusCode = state == InviteState.Gone ? StatusCodes.Status410Gone : StatusCodes.Status200OK;
        return Page();
    }
}
