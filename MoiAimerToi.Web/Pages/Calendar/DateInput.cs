using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Calendar;

/// <summary>The form of one of the couple's dates; <see cref="Id"/> is null for a new one.</summary>
public sealed class DateInput
{
    public int? Id { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Title { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Date { get; set; }

    /// <summary>False unless its box is ticked (an unticked box sends nothing); a new date's form starts ticked.</summary>
    public bool Yearly { get; set; }

    /// <summary>The element the form replaces: the date's row, or the add form.</summary>
    public string ElementId => Id is { } id ? $"date-{id}" : "date-new";
}
