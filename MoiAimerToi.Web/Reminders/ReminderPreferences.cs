using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Web.Reminders;

/// <summary>A partner's choices as a form sends them: each kind off (empty) or a number of days before.</summary>
public sealed record ReminderChoiceInput(string? Address, string? Milestones, string? Dates, string? Letters, bool Digest);

/// <summary>A partner's reminder choices and what became of their reminders.</summary>
public sealed class ReminderPreferences(
    AppDbContext db, FieldRules rules, CoupleClock clock, ReminderJobs jobs, IStringLocalizer<SharedResource> text)
{
    public async Task<ReminderChoices?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.ReminderChoices.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);

    /// <summary>The partner's latest reminders, the most recent day first: what went, what waits, what failed and why.</summary>
    public async Task<IReadOnlyList<Reminder>> RecentAsync(string userId, int count = 12, CancellationToken cancellationToken = default) =>
        await db.Reminders.AsNoTracking().Where(r => r.UserId == userId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);

    /// <summary>Saves the choices (nothing when one is wrong); a changed address gives a refused reminder another chance.</summary>
    public async Task<IReadOnlyList<FieldError>> SaveAsync(
        string userId, ReminderChoiceInput input, string siteAddress, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var milestones = Days(errors, "milestones", input.Milestones);
        var dates = Days(errors, "dates", input.Dates);
        var letters = Days(errors, "letters", input.Letters);
        var address = (input.Address ?? "").Trim();
        rules.MaxLength(errors, "address", address, ReminderChoices.AddressMaxLength);
        var anyOn = milestones is not null || dates is not null || letters is not null || input.Digest;
        if (address.Length == 0 && anyOn)
        {
            errors.Add(new FieldError("address", text["Error_ReminderAddressNeeded"]));
        }
        else if (address.Length > 0 && !IsAddress(address))
        {
            errors.Add(new FieldError("address", text["Error_EmailAddress"]));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var choices = await db.ReminderChoices.SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (choices is null)
        {
            choices = new ReminderChoices { UserId = userId };
            db.ReminderChoices.Add(choices);
        }

        var newAddress = !string.Equals(choices.Address, address, StringComparison.OrdinalIgnoreCase);
        (choices.Address, choices.MilestonesDaysBefore, choices.DatesDaysBefore, choices.LettersDaysBefore, choices.WeeklyDigest) =
            (address, milestones, dates, letters, input.Digest);
        choices.SiteAddress = siteAddress;
        choices.UpdatedAt = clock.UtcNow;
        if (newAddress)
        {
            var today = clock.Today;
            foreach (var refused in await db.Reminders.Where(r => r.UserId == userId && r.State == ReminderState.Refused && r.OccasionOn >= today).ToListAsync(cancellationToken))
            {
                (refused.State, refused.LastError, refused.NextAttemptAt) = (ReminderState.Waiting, null, null);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        jobs.Wake();
        return [];
    }

    private int? Days(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, out var days) && ReminderChoices.DaysBeforeChoices.Contains(days))
        {
            return days;
        }

        errors.Add(new FieldError(field, text["Error_ReminderDays", string.Join(", ", ReminderChoices.DaysBeforeChoices)]));
        return null;
    }

    private static bool IsAddress(string value) =>
        MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && parsed.Host.Contains('.');
}
