using System.ComponentModel.DataAnnotations;
using MoiAimerToi.Web.Accounts;

namespace MoiAimerToi.Web.Pages.Settings;

public sealed class InviteRequestInput
{
    public AccountRole Role { get; set; } = AccountRole.Guest;
}

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
