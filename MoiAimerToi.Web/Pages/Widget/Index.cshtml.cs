using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MoiAimerToi.Web.Remembering;

namespace MoiAimerToi.Web.Pages.Widget;

/// <summary>
/// <c>/widget/{secret}</c>: the counter alone, full screen, for a wall display or a phone's home screen; opened by a
/// partner's widget secret whatever the site's visibility, in that partner's language. It shows the time together and
/// the next occasion, nothing else of the site.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(PersonalLinks links, CounterService counter) : PageModel
{
    public CounterView Counter { get; private set; } = null!;

    /// <summary>The partner's language; the view takes it on (a culture set in an async handler does not outlive it).</summary>
    public CultureInfo Culture { get; private set; } = CultureInfo.CurrentUICulture;

    public async Task<IActionResult> OnGetAsync(string secret)
    {
        if (await links.OwnerAsync(PersonalLinkKind.Widget, secret) is not { } partner)
        {
            return NotFound();
        }

        Culture = CultureInfo.GetCultureInfo(partner.Language == "en" ? "en" : "fr");
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Counter = await counter.ViewAsync(withBirthdays: true);
        return Page();
    }
}
