using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Account;

/// <summary>The reminders form: an address, each kind empty (off) or a number of days before, the weekly digest.</summary>
public sealed class ReminderInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Address { get; set; } = "";

    public string? Milestones { get; set; }

    public string? Dates { get; set; }

    public string? Letters { get; set; }

    public bool Digest { get; set; }
}
