using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Remembering;
using MoiAimerToi.Web.Sharing;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Web.Pages.Settings;

/// <summary>The partners' settings: who may look, share links, invitations, the accounts.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class IndexModel(
    InviteService invites,
    ShareLinkService shareLinks,
    ResetLinks resetLinks,
    AccountRemoval removal,
    MemoryService memories,
    Partners partners,
    VisibilityService visibilityService,
    UserManager<AppUser> users,
    CoupleClock clock,
    PersonalLinks personalLinks,
    IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The signed-in partner's own calendar feed and widget addresses.</summary>
    public string CalendarUrl { get; private set; } = "";

    public string WidgetUrl { get; private set; } = "";

    public IReadOnlyList<Invite> Invites { get; private set; } = [];

    public IReadOnlyList<AppUser> Accounts { get; private set; } = [];

    public IReadOnlyList<ShareLinkEntry> ShareLinks { get; private set; } = [];

    /// <summary>The memory the share form is for (from its page's « Partager »); null for the whole gallery.</summary>
    public Memory? ShareMemory { get; private set; }

    public SiteVisibility Visibility { get; private set; }

    /// <summary>Shown once, right after it was made, with a copy button.</summary>
    [TempData]
    public string? NewInviteUrl { get; set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? NewShareUrl { get; set; }

    /// <summary>A reset link just made, shown once, with the user name it is for (not the id: TempData reads a GUID back as a Guid).</summary>
    [TempData]
    public string? NewResetUrl { get; set; }

    [TempData]
    public string? NewResetFor { get; set; }

    public string? SignedInId => users.GetUserId(User);

    [BindProperty]
    public InviteRequestInput InviteRequest { get; set; } = new();

    [BindProperty]
    public ShareRequestInput ShareRequest { get; set; } = new();

    public DateTime Now => clock.UtcNow;

    /// <summary>A UTC instant as the couple's clock shows it.</summary>
    public string Shown(DateTime utc) =>
        clock.LocalTime(utc).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    public string InviteUrl(string token) => Absolute(InviteService.PathOf(token));

    public string? ShareUrl(ShareLinkEntry entry) => entry.Token is { } token ? SharedAccess.UrlOf(Request, token) : null;

    public async Task OnGetAsync(int? share)
    {
        ShareRequest.MemoryId = share;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostVisibilityAsync(SiteVisibility visibility)
    {
        if (!Enum.IsDefined(visibility))
        {
            return BadRequest();
        }

        await visibilityService.SetAsync(visibility, users.GetUserId(User));
        Notice = text[visibility == SiteVisibility.Private ? "Settings_NowPrivate" : "Settings_NowPublic"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        var outcome = await invites.CreateAsync(InviteRequest.Role, users.GetUserId(User));
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("InviteRequest.Role", outcome.Errors[0].Message);
            return await PageAsync();
        }

        NewInviteUrl = InviteUrl(outcome.Value!.Token);
        return RedirectToPage(null, null, "invites");
    }

    public async Task<IActionResult> OnPostShareAsync()
    {
        // A field the binder could not read (a memory id that is no number) shares nothing, rather than the gallery.
        if (!ModelState.IsValid)
        {
            return await PageAsync();
        }

        if (!ShareRequest.TryExpiry(clock.TimeZone, out var expiresAt))
        {
            ModelState.AddModelError("ShareRequest.ExpiresAt", text["Share_ExpiryFormat"]);
            return await PageAsync();
        }

        var input = new ShareLinkInput(ShareRequest.MemoryId, ShareRequest.Password, expiresAt, ShareRequest.AllowDownload, ShareRequest.ShowPreview);
        var outcome = await shareLinks.CreateAsync(input, users.GetUserId(User));
        if (!outcome.Succeeded)
        {
            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError(error.Field switch
                {
                    "password" => "ShareRequest.Password",
                    "expires_at" => "ShareRequest.ExpiresAt",
                    "show_preview" => "ShareRequest.ShowPreview",
                    _ => "ShareRequest.MemoryId",
                }, error.Message);
            }

            return await PageAsync();
        }

        NewShareUrl = ShareUrl(outcome.Value!);
        return RedirectToPage(null, null, "share-links");
    }

    public async Task<IActionResult> OnPostRevokeShareAsync(int id) =>
        await shareLinks.RevokeAsync(id) ? RedirectToPage(null, null, "share-links") : NotFound();

    public async Task<IActionResult> OnPostRevokeInviteAsync(int id) =>
        await invites.RevokeAsync(id) ? RedirectToPage(null, null, "invites") : NotFound();

    /// <summary>A guest's account goes (a leaked sign-in ends within a minute: the cookie is checked against the account).</summary>
    public async Task<IActionResult> OnPostRemoveGuestAsync(string? id)
    {
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is not { Role: AccountRole.Guest })
        {
            return NotFound();
        }

        var removed = await removal.RemoveAsync(user);
        Notice = removed.Succeeded ? text["Settings_GuestRemoved", user.ShownName] : removed.Errors[0].Message;
        return RedirectToPage(null, null, "accounts");
    }

    /// <summary>A one-time link for someone else's forgotten password (no e-mail needed); one's own is changed in /account.</summary>
    public async Task<IActionResult> OnPostResetLinkAsync(string? id)
    {
        var user = id is null || id == SignedInId ? null : await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        NewResetUrl = Absolute(await resetLinks.CreateAsync(user));
        NewResetFor = user.UserName;
        return RedirectToPage(null, null, "accounts");
    }

    private string Absolute(string path) => UriHelper.BuildAbsolute(Request.Scheme, Request.Host, Request.PathBase, path);

    private async Task<IActionResult> PageAsync()
    {
        await LoadAsync();
        return Page();
    }

    /// <summary>A new secret for the partner's feed or widget; the old address answers 404 from now on.</summary>
    public async Task<IActionResult> OnPostRenewLinkAsync(PersonalLinkKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            return BadRequest();
        }

        await personalLinks.RenewAsync(users.GetUserId(User)!, kind);
        Notice = text[kind == PersonalLinkKind.Calendar ? "Links_CalendarRenewed" : "Links_WidgetRenewed"];
        return RedirectToPage(null, null, null, "links");
    }

    private async Task LoadAsync()
    {
        var me = users.GetUserId(User)!;
        CalendarUrl = $"{Request.Scheme}://{Request.Host}/calendar/{await personalLinks.TokenAsync(me, PersonalLinkKind.Calendar)}.ics";
        WidgetUrl = $"{Request.Scheme}://{Request.Host}/widget/{await personalLinks.TokenAsync(me, PersonalLinkKind.Widget)}";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Invites = await invites.ListAsync();
        ShareLinks = await shareLinks.ListAsync();
        ShareMemory = ShareRequest.MemoryId is { } id ? await memories.FindAsync(id) : null;
        Accounts = (await partners.AccountsAsync()).Values.OrderBy(u => u.Role).ThenBy(u => u.PerspectiveNumber).ThenBy(u => u.CreatedAt).ToList();
        Visibility = visibilityService.Current;
    }
}
