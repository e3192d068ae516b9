namespace MoiAimerToi.Web.Couple;

public sealed record Milestone(DateOnly Date, int DaysUntil, int Value);

/// <summary>The next dates worth celebrating: an anniversary, and a round number of days.</summary>
public static class Milestones
{
    public static Milestone NextAnniversary(DateOnly start, DateOnly today)
    {
        var years = Math.Max(1, today.Year - start.Year);
        while (start.AddYears(years) < today)
        {
            years++;
        }

        var date = start.AddYears(years);
        return new Milestone(date, date.DayNumber - today.DayNumber, years);
    }

    /// <summary>100, 500, then every thousand days; counted so that the start date is day 0.</summary>
    public static Milestone NextRoundDays(DateOnly start, DateOnly today)
    {
        var elapsed = today.DayNumber - start.DayNumber;
        var round = elapsed <= 100 ? 100 : elapsed <= 500 ? 500 : (elapsed + 999) / 1000 * 1000;
        return new Milestone(start.AddDays(round), round - elapsed, round);
    }
}
