using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Account;

public sealed class ProfileInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string DisplayName { get; set; } = "";
}

public sealed class PasswordInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Current { get; set; } = "";

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string New { get; set; } = "";
}
