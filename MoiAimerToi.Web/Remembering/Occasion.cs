namespace MoiAimerToi.Web.Remembering;

public enum OccasionKind
{
    /// <summary>A year (or more) since the start date; <see cref="Occasion.Number"/> years.</summary>
    Anniversary,

    /// <summary>A month since the start date, during the first year only; <see cref="Occasion.Number"/> months.</summary>
    Monthsary,

    /// <summary>A round number of days since the start date (100, 200, 365, 500, 1 000…); <see cref="Occasion.Number"/> days.</summary>
    RoundDays,

    /// <summary>A partner's birthday; <see cref="Occasion.Title"/> is their name.</summary>
    Birthday,

    /// <summary>One of the couple's own dates; <see cref="Occasion.Title"/> is its title.</summary>
    CoupleDate,
}

/// <summary>
/// One day worth celebrating. <see cref="Key"/> names the occasion itself, the same every year for a yearly one (the
/// calendar feed's UID). <see cref="MovedFromLeapDay"/>: a 29 February kept on the 28th in a year without one.
/// </summary>
public sealed record Occasion(OccasionKind Kind, DateOnly Date, int Number, string? Title, string Key, bool Yearly, bool MovedFromLeapDay = false)
{
    public int DaysFrom(DateOnly today) => Date.DayNumber - today.DayNumber;
}
