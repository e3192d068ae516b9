namespace MoiAimerToi.Web.Remembering;

/// <summary>Someone's birthday as the calendar needs it: who, and the day they were born.</summary>
public sealed record Birthday(string UserId, string Name, DateOnly Born);

/// <summary>Everything the couple's calendar is made of; <see cref="CoupleCalendar"/> turns it into days.</summary>
public sealed record CalendarSources(
    DateOnly StartDate, bool Monthsaries, IReadOnlyList<ImportantDate> Dates, IReadOnlyList<Birthday> Birthdays);

/// <summary>
/// The rules of the couple's calendar, on their own days (no time, no time zone: the caller says what today is):
/// yearly anniversaries of the start date, monthly ones in the first year when the couple wants them, round
/// numbers of days, birthdays and the couple's own dates. A yearly day on 29 February falls on the 28th in other years.
/// </summary>
public static class CoupleCalendar
{
    /// <summary>The round numbers of days worth a celebration: 100, 200, 365, 500, then every 500 up to 10 000.</summary>
    public static readonly IReadOnlyList<int> RoundDays = [100, 200, 365, 500, .. Enumerable.Range(2, 19).Select(i => i * 500)];

    /// <summary>Every occasion from <paramref name="from"/> to <paramref name="until"/> (both included), soonest first.</summary>
    public static IReadOnlyList<Occasion> Between(CalendarSources sources, DateOnly from, DateOnly until)
    {
        var start = sources.StartDate;
        var found = new List<Occasion>();
        foreach (var (date, years, moved) in Yearly(start, from, until))
        {
            if (years > 0)
            {
                found.Add(new Occasion(OccasionKind.Anniversary, date, years, null, "anniversary", Yearly: true, moved));
            }
        }

        if (sources.Monthsaries)
        {
            for (var months = 1; months < 12; months++)
            {
                var date = start.AddMonths(months);
                if (date >= from && date <= until)
                {
                    found.Add(new Occasion(OccasionKind.Monthsary, date, months, null, $"month-{months}", Yearly: false));
                }
            }
        }

        foreach (var days in RoundDays)
        {
            var date = start.AddDays(days);
            if (date >= from && date <= until)
            {
                found.Add(new Occasion(OccasionKind.RoundDays, date, days, null, $"days-{days}", Yearly: false));
            }
        }

        foreach (var birthday in sources.Birthdays)
        {
            foreach (var (date, years, moved) in Yearly(birthday.Born, from, until))
            {
                found.Add(new Occasion(OccasionKind.Birthday, date, years, birthday.Name, $"birthday-{birthday.UserId}", Yearly: true, moved));
            }
        }

        foreach (var important in sources.Dates)
        {
            if (!important.Yearly)
            {
                if (important.Date >= from && important.Date <= until)
                {
                    found.Add(new Occasion(OccasionKind.CoupleDate, important.Date, 0, important.Title, $"date-{important.Id}", Yearly: false));
                }

                continue;
            }

            foreach (var (date, years, moved) in Yearly(important.Date, from, until))
            {
                found.Add(new Occasion(OccasionKind.CoupleDate, date, years, important.Title, $"date-{important.Id}", Yearly: true, moved));
            }
        }

        return found.OrderBy(o => o.Date).ThenBy(o => o.Kind).ThenBy(o => o.Number).ToList();
    }

    /// <summary>The days a yearly occasion falls on between the two dates, from its first return on, with the years since.</summary>
    private static IEnumerable<(DateOnly Date, int Years, bool MovedFromLeapDay)> Yearly(DateOnly origin, DateOnly from, DateOnly until)
    {
        for (var year = Math.Max(origin.Year, from.Year); year <= until.Year; year++)
        {
            var years = year - origin.Year;
            // DateOnly.AddYears keeps a 29 February on the 28th in a year without one.
            var date = origin.AddYears(years);
            if (date >= from && date <= until)
            {
                yield return (date, years, date.Day != origin.Day);
            }
        }
    }
}
