using MoiAimerToi.Web.Couple;

namespace MoiAimerToi.Web.Remembering;

/// <summary>
/// The time together and what comes next, computed once per request: the home page, the widget and
/// <c>/api/counter</c> show the same. <see cref="Upcoming"/> holds the next few occasions, so that a page left open
/// (the widget on a wall) moves on to the next one at midnight without asking the site.
/// </summary>
public sealed record CounterView(DateOnly StartDate, DateOnly Today, string TimeZone, TimeTogether Elapsed, IReadOnlyList<Occasion> Upcoming)
{
    public Occasion? Next => Upcoming.Count > 0 ? Upcoming[0] : null;
}

public sealed class CounterService(CalendarService calendar, CoupleClock clock)
{
    private const int Upcoming = 6;

    public async Task<CounterView> ViewAsync(bool withBirthdays, CancellationToken cancellationToken = default)
    {
        var sources = await calendar.SourcesAsync(withBirthdays, cancellationToken);
        var today = clock.Today;
        var upcoming = CoupleCalendar.Between(sources, today, today.AddYears(2)).Take(Upcoming).ToList();
        return new CounterView(sources.StartDate, today, clock.TimeZone.Id, TimeTogether.Between(sources.StartDate, clock.Now, clock.TimeZone), upcoming);
    }
}
