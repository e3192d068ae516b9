using MoiAimerToi.Web.Hosting;
namespace MoiAimerToi.Web.Couple;

/// <summary>The one row of texts and the start date that the whole site shows.</summary>
[ShownOnPages]
public sealed class CoupleData
{
    public const int SingletonId = 1;
    public const int HomeMessageMaxLength = 2_000;
    public const int IntroTextMaxLength = 20_000;

    public int Id { get; set; } = SingletonId;

    public DateOnly StartDate { get; set; }

    public string HomeMessage { get; set; } = "";

    public string IntroText { get; set; } = "";

    /// <summary>Each month of the first year is celebrated too (« 3 mois ensemble »).</summary>
    public bool Monthsaries { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
