namespace MoiAimerToi.Web.Couple;

public sealed class CoupleOptions
{
    public const string Section = "Couple";

    /// <summary>IANA time zone in which the couple's days and anniversaries turn.</summary>
    public string TimeZone { get; set; } = "Europe/Paris";
}
