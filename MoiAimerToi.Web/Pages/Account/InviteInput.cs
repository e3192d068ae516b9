using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Account;

public sealed class InviteInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string UserName { get; set; } = "";

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string DisplayName { get; set; } = "";

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Password { get; set; } = "";
}
