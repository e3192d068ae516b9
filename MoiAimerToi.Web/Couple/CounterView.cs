namespace MoiAimerToi.Web.Couple;

/// <summary>What the home page shows about the time together, computed once per request.</summary>
public sealed record CounterView(
    DateOnly StartDate,
    DateOnly Today,
    string TimeZone,
    TimeTogether Elapsed,
    Milestone NextAnniversary,
    Milestone NextRoundDays)
{
    public static CounterView For(DateOnly startDate, CoupleClock clock)
    {
        var today = clock.Today;
        return new CounterView(
            startDate,
            today,
            clock.TimeZone.Id,
            TimeTogether.Between(startDate, clock.Now, clock.TimeZone),
            Milestones.NextAnniversary(startDate, today),
            Milestones.NextRoundDays(startDate, today));
    }
}
