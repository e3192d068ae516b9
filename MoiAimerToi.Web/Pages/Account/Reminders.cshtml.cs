using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Reminders;

namespace MoiAimerToi.Web.Pages.Account;

/// <summary><c>/account/reminders</c>: a partner chooses their e-mail reminders and sees what became of them.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class RemindersModel(
    ReminderPreferences preferences,
    UserManager<AppUser> users,
    IOptions<SmtpOptions> smtp,
    CoupleClock clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public ReminderInput Choices { get; set; } = new();

    /// <summary>Without <c>Smtp:Host</c> nothing is sent: the page says so, and the choices wait for it.</summary>
    public bool Configured => smtp.Value.IsConfigured;

    public IReadOnlyList<Reminder> Recent { get; private set; } = [];

    /// <summary>The latest reminder still waiting after a failed try, or refused: what the page warns about.</summary>
    public Reminder? Failing => Recent.FirstOrDefault(r => r.LastError is not null && r.State is ReminderState.Waiting or ReminderState.Refused);

    public string Shown(DateTime utc) => clock.LocalTime(utc).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    public async Task OnGetAsync()
    {
        var saved = await preferences.FindAsync(users.GetUserId(User)!);
        Choices = new ReminderInput
        {
            Address = saved?.Address ?? "",
            Milestones = saved?.MilestonesDaysBefore?.ToString(),
            Dates = saved?.DatesDaysBefore?.ToString(),
            Letters = saved?.LettersDaysBefore?.ToString(),
            Digest = saved?.WeeklyDigest ?? false,
        };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var input = new ReminderChoiceInput(Choices.Address, Choices.Milestones, Choices.Dates, Choices.Letters, Choices.Digest);
        var errors = await preferences.SaveAsync(users.GetUserId(User)!, input, $"{Request.Scheme}://{Request.Host}{Request.PathBase}");
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError($"Choices.{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}", error.Message);
            }

            await LoadAsync();
            return Page();
        }

        Notice = text["Reminders_Saved"];
        return RedirectToPage();
    }

    private async Task LoadAsync() => Recent = await preferences.RecentAsync(users.GetUserId(User)!);
}
