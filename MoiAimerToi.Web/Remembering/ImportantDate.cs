using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Remembering;

/// <summary>A date of the couple's own (« premier baiser », « le mariage »), celebrated every year or once.</summary>
[ShownOnPages]
public sealed class ImportantDate
{
    public const int TitleMaxLength = 100;

    public int Id { get; set; }

    public string Title { get; set; } = "";

    public DateOnly Date { get; set; }

    /// <summary>Comes back every year (a 29 February on the 28th in other years); otherwise only on <see cref="Date"/>.</summary>
    public bool Yearly { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}
