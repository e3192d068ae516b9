using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Remembering;

/// <summary>
/// The couple's calendar as the database holds it (<see cref="CoupleCalendar"/> has the rules). Birthdays are the
/// partners' own data: they are in it for a signed-in member or a partner's own feed, never for a visitor of a Public
/// site or a share link.
/// </summary>
public sealed class CalendarService(AppDbContext db, ImportantDates importantDates, CoupleClock clock)
{
    public DateOnly Today => clock.Today;

    public async Task<CalendarSources> SourcesAsync(bool withBirthdays, CancellationToken cancellationToken = default)
    {
        var couple = await db.CoupleData.AsNoTracking().SingleAsync(c => c.Id == CoupleData.SingletonId, cancellationToken);
        var dates = await importantDates.ListAsync(cancellationToken);
        var birthdays = withBirthdays
            ? (await db.Users.AsNoTracking()
                .Where(u => u.Role == AccountRole.Partner && u.Birthday != null)
                .OrderBy(u => u.PerspectiveNumber)
                .ToListAsync(cancellationToken))
                .Select(u => new Birthday(u.Id, u.ShownName, u.Birthday!.Value))
                .ToList()
            : [];
        return new CalendarSources(couple.StartDate, couple.Monthsaries, dates, birthdays);
    }

    /// <summary>The next twelve months, today included.</summary>
    public IReadOnlyList<Occasion> NextYear(CalendarSources sources) => CoupleCalendar.Between(sources, Today, Today.AddYears(1).AddDays(-1));

    /// <summary>The couple's choice of celebrating each month of the first year.</summary>
    public async Task SetMonthsariesAsync(bool on, string? userId, CancellationToken cancellationToken = default)
    {
        var couple = await db.CoupleData.SingleAsync(c => c.Id == CoupleData.SingletonId, cancellationToken);
        couple.Monthsaries = on;
        couple.UpdatedAt = clock.UtcNow;
        couple.UpdatedBy = userId;
        await db.SaveChangesAsync(cancellationToken);
    }
}
