using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Account;

public sealed class ProfileInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string DisplayName { get; set; } = "";
}
