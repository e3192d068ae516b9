using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Pages.Shared;
using MoiAimerToi.Web.Sharing;

namespace MoiAimerToi.Web.Pages.Share;

/// <summary>
/// <c>/s/{token}</c>: one memory, or the gallery, for whoever holds the link, and nothing else of the site. An unknown
/// token is 404, an ended link 410, a link with a password its form until the right one is given.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Login)]
public sealed class IndexModel(SharedAccess access, MemoryService memories, IStringLocalizer<SharedResource> text) : PageModel
{
    public ShareState State { get; private set; }

    public SharedView View { get; private set; } = null!;

    /// <summary>The memory shown alone: the one shared, or the one chosen in a shared gallery.</summary>
    public Memory? Memory { get; private set; }

    public MemoryPage? Gallery { get; private set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, int? memory, int page = 1)
    {
        var (state, link) = await access.OpenAsync(HttpContext, token);
        if (Ended(state, link, token) is { } ended)
        {
            return ended;
        }

        if (state == ShareState.Locked)
        {
            return Page();
        }

        if (link!.MemoryId is { } shared)
        {
            Memory = memory is null || memory == shared ? await memories.FindAsync(shared) : null;
        }
        else if (memory is { } chosen)
        {
            Memory = await memories.FindAsync(chosen);
        }
        else
        {
            Gallery = await memories.PageAsync(new MemoryQuery(Page: Math.Max(1, page)));
        }

        if (Memory is null && Gallery is null)
        {
            return NotFound();
        }

        await access.RecordViewAsync(link);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var (state, link) = await access.OpenAsync(HttpContext, token);
        if (Ended(state, link, token) is { } ended)
        {
            return ended;
        }

        if (state == ShareState.Open)
        {
            return Redirect(View.PagePath);
        }

        switch (await access.UnlockAsync(HttpContext, link!, token, Password))
        {
            case UnlockResult.Unlocked:
                return Redirect(View.PagePath);
            case UnlockResult.LockedOut:
                ModelState.AddModelError(nameof(Password), text["Share_LockedOut"]);
                break;
            default:
                ModelState.AddModelError(nameof(Password), text[string.IsNullOrEmpty(Password) ? "Share_PasswordRequired" : "Share_PasswordWrong"]);
                break;
        }

        Password = null;
        return Page();
    }

    /// <summary>The answer for a link that shows nothing (404 unknown, 410 ended); null when the page goes on.</summary>
    private IActionResult? Ended(ShareState state, ShareLink? link, string token)
    {
        // A revoked link must stop at once: no copy of the page may outlive it.
        Response.KeepSecret();
        State = state;
        if (link is not null)
        {
            View = new SharedView(link, token);
        }

        switch (state)
        {
            case ShareState.Unknown:
                return NotFound();
            case ShareState.Gone:
                // Its own page (a body: the status code pages leave it alone) saying the link has ended.
                Response.StatusCode = StatusCodes.Status410Gone;
                return Page();
            default:
                return null;
        }
    }
}
