using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Letters;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Remembering;

namespace MoiAimerToi.Web.Reminders;

/// <summary>Whom a reminder goes to: a partner who gave an address, in their language, with the site's address for links.</summary>
public sealed record Recipient(string UserId, string Name, string Address, string Language, string SiteAddress);

/// <summary>What a reminder is about: an occasion of the calendar, a sealed letter opening, or a week's digest.</summary>
public abstract record ReminderTopic;

public sealed record OccasionTopic(Occasion Occasion) : ReminderTopic;

/// <summary>A letter says who wrote it and when it opens; never a word of what it says.</summary>
public sealed record LetterTopic(int LetterId, string From, DateOnly OpensOn) : ReminderTopic;

public sealed record DigestTopic(DateOnly WeekStart, IReadOnlyList<Memory> Memories, IReadOnlyList<Occasion> Occasions) : ReminderTopic
{
    public bool IsEmpty => Memories.Count == 0 && Occasions.Count == 0;
}

public sealed record DueReminder(Recipient To, ReminderKind Kind, string Key, DateOnly OccasionOn, ReminderTopic Topic);

/// <summary>
/// The rule of what is due: every reminder a partner chose whose day to send (the occasion's day less the days before)
/// has come, and whose occasion is today or ahead. A site that was down when one fell due finds it due still when it
/// comes back, until the occasion's day has passed. (Nothing is sent before <see cref="SmtpOptions.SendFromHour"/>: the job's rule.)
/// </summary>
public sealed class ReminderPlanner(
    AppDbContext db, CalendarService calendar, LetterService letters, MemoryService memories, CoupleClock clock)
{
    /// <param name="now">The round's one instant (UTC): a round that crossed midnight must not see two days.</param>
    public async Task<IReadOnlyList<DueReminder>> DueAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var recipients = await RecipientsAsync(cancellationToken);
        if (recipients.Count == 0)
        {
            return [];
        }

        var today = clock.DayOf(now);
        bool Due(int? daysBefore, DateOnly on) => daysBefore is { } days && on >= today && on.AddDays(-days) <= today;

        var longest = ReminderChoices.DaysBeforeChoices.Max();
        var occasions = CoupleCalendar.Between(await calendar.SourcesAsync(withBirthdays: true, cancellationToken), today, today.AddDays(longest));
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var due = new List<DueReminder>();
        IReadOnlyList<Memory>? ofTheWeek = null;
        foreach (var (choices, to) in recipients)
        {
            foreach (var occasion in occasions)
            {
                var (kind, daysBefore) = occasion.Kind switch
                {
                    OccasionKind.Anniversary or OccasionKind.Monthsary or OccasionKind.RoundDays => (ReminderKind.Milestone, choices.MilestonesDaysBefore),
                    // One's own birthday needs no reminder.
                    OccasionKind.Birthday when occasion.Key == $"birthday-{to.UserId}" => (ReminderKind.Date, null),
                    _ => (ReminderKind.Date, choices.DatesDaysBefore),
                };
                if (Due(daysBefore, occasion.Date))
                {
                    due.Add(new DueReminder(to, kind, occasion.Key, occasion.Date, new OccasionTopic(occasion)));
                }
            }

            if (choices.LettersDaysBefore is { } lettersDaysBefore)
            {
                // The letters written to this partner (alone or with the author); the author knows the day they chose.
                foreach (var letter in await letters.ListAsync(to.UserId, cancellationToken))
                {
                    if (!letter.Mine && Due(lettersDaysBefore, letter.OpensOn))
                    {
                        due.Add(new DueReminder(to, ReminderKind.Letter, $"letter-{letter.Id}", letter.OpensOn, new LetterTopic(letter.Id, letter.From, letter.OpensOn)));
                    }
                }
            }

            // From Monday on, all week long: a site down on Monday still sends it on Tuesday. Due even when it has
            // nothing to tell (the job records none then), so that one already waiting is not forgotten.
            if (choices.WeeklyDigest)
            {
                ofTheWeek ??= await memories.OfTheWeekAsync(weekStart, cancellationToken);
                var weekEnd = weekStart.AddDays(6);
                var ofTheWeekAhead = occasions.Where(o => o.Date <= weekEnd && o.Key != $"birthday-{to.UserId}").ToList();
                due.Add(new DueReminder(to, ReminderKind.Digest, "digest", weekEnd, new DigestTopic(weekStart, ofTheWeek, ofTheWeekAhead)));
            }
        }

        return due;
    }

    private async Task<List<(ReminderChoices Choices, Recipient To)>> RecipientsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ReminderChoices.AsNoTracking()
            .Join(db.Users.Where(u => u.Role == AccountRole.Partner), c => c.UserId, u => u.Id, (c, u) => new { Choices = c, User = u })
            .Where(r => r.Choices.Address != "")
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => r.Choices.Any)
            .Select(r => (r.Choices, new Recipient(r.User.Id, r.User.ShownName, r.Choices.Address, r.User.Language, r.Choices.SiteAddress)))
            .ToList();
    }
}
