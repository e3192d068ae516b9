using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Account;

public sealed class PasswordInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Current { get; set; } = "";

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string New { get; set; } = "";
}
