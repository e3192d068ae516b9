using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Account;

public sealed class SetupInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string UserName { get; set; } = "";

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Password { get; set; } = "";

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>Who may look, chosen with the first account (Private unless the couple says otherwise).</summary>
    public Site.SiteVisibility Visibility { get; set; } = Site.SiteVisibility.Private;
}
