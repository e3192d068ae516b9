using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Web.Accounts;

/// <summary>
/// Closing an account: a guest by a partner or by themself, a partner by themself only, and never the last partner
/// (the site would have no one left to run it). What they wrote stays; its byline then names no one. A removed
/// account's tokens stop at once and its sign-ins within a minute (the cookie is checked against the account).
/// </summary>
public sealed class AccountRemoval(UserManager<AppUser> users, Partners partners, IStringLocalizer<SharedResource> text)
{
    public async Task<Outcome<AppUser>> RemoveAsync(AppUser account)
    {
        if (account.Role == AccountRole.Partner && await partners.PartnerCountAsync() <= 1)
        {
            return Outcome<AppUser>.Failure([new FieldError("account", text["Account_LastPartner"])]);
        }

        var result = await users.DeleteAsync(account);
        return result.Succeeded ? account : Outcome<AppUser>.Failure([new FieldError("account", string.Join(" ", result.Errors.Select(e => e.Description)))]);
    }
}
