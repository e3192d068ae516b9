using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Account;

public sealed class ProfileInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string DisplayName { get; set; } = "";

    /// <summary><c>YYYY-MM-DD</c>, or empty for none; a partner's only (it goes in the couple's calendar).</summary>
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Birthday { get; set; } = "";

    /// <summary>"fr" or "en": what the calendar feed, the widget and the e-mails speak.</summary>
    public string Language { get; set; } = "fr";
}
