namespace MoiAimerToi.Web.Reminders;

/// <summary>
/// What one partner asked to be reminded of, and where: each dated kind is off (null) or sent that many days before
/// (0: on the day); the weekly digest is on or off.
/// </summary>
public sealed class ReminderChoices
{
    public const int AddressMaxLength = 254;

    /// <summary>The choices a partner picks from: on the day, or that many days before.</summary>
    public static readonly IReadOnlyList<int> DaysBeforeChoices = [0, 1, 2, 3, 7, 14, 30];

    public string UserId { get; set; } = "";

    public string Address { get; set; } = "";

    /// <summary>Anniversaries, the first year's months, round numbers of days.</summary>
    public int? MilestonesDaysBefore { get; set; }

    /// <summary>The couple's own dates and the other partner's birthday.</summary>
    public int? DatesDaysBefore { get; set; }

    /// <summary>A sealed letter for this partner opening.</summary>
    public int? LettersDaysBefore { get; set; }

    /// <summary>Each Monday, « cette semaine-là »: the memories of this week in earlier years, and the week's dates.</summary>
    public bool WeeklyDigest { get; set; }

    /// <summary>The site's address as the partner used it when choosing: the links in the e-mails go there.</summary>
    public string SiteAddress { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public bool Any => MilestonesDaysBefore is not null || DatesDaysBefore is not null || LettersDaysBefore is not null || WeeklyDigest;
}
