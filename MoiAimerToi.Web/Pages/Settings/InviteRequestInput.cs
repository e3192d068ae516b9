using MoiAimerToi.Web.Accounts;

namespace MoiAimerToi.Web.Pages.Settings;

public sealed class InviteRequestInput
{
    public AccountRole Role { get; set; } = AccountRole.Guest;
}
