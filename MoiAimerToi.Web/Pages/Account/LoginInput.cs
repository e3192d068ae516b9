using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Account;

public sealed class LoginInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string UserName { get; set; } = "";

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
