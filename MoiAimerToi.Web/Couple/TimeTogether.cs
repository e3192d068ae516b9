namespace MoiAimerToi.Web.Couple;

/// <summary>
/// How long since the start date, as a calendar reads it: whole years, then months, then days
/// on the couple's local dates, then the real time elapsed since local midnight today.
/// </summary>
public sealed record TimeTogether(int Years, int Months, int Days, int Hours, int Minutes, int Seconds, int TotalDays)
{
    public static TimeTogether Between(DateOnly start, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (start > today)
        {
            return new TimeTogether(0, 0, 0, 0, 0, 0, 0);
        }

        var months = (today.Year - start.Year) * 12 + today.Month - start.Month;
        if (start.AddMonths(months) > today)
        {
            months--;
        }

        var days = today.DayNumber - start.AddMonths(months).DayNumber;
        var sinceMidnight = now - StartOfDay(today, zone);
        return new TimeTogether(
            months / 12,
            months % 12,
            days,
            (int)sinceMidnight.TotalHours,
            sinceMidnight.Minutes,
            sinceMidnight.Seconds,
            today.DayNumber - start.DayNumber);
    }

    /// <summary>The instant the local day begins (01:00 on the rare days a clock skips midnight).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
