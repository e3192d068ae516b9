using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Localization;
using Npgsql;

namespace MoiAimerToi.Web.Accounts;

/// <summary>
/// Closing an account: a guest by a partner or by themself, a partner by themself only, and never the last partner
/// (the site would have no one left to run it). What they wrote stays; its byline then names no one. A removed
/// account's tokens stop at once and its sign-ins within a minute (the cookie is checked against the account).
/// </summary>
public sealed class AccountRemoval(AppDbContext db, IStringLocalizer<SharedResource> text)
{
    /// <summary>
    /// One statement in a serializable transaction, so that two partners closing their accounts at the same moment
    /// cannot both go: the second finds no other partner left. (SQLite runs writes one at a time; PostgreSQL refuses
    /// the second transaction, which is then run again and refused for being the last partner.) Its claims, logins
    /// and passkeys go with it (the database's cascades).
    /// </summary>
    public async Task<Outcome<AppUser>> RemoveAsync(AppUser account)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
                var removed = await db.Users
                    .Where(u => u.Id == account.Id && (u.Role != AccountRole.Partner || db.Users.Any(o => o.Role == AccountRole.Partner && o.Id != account.Id)))
                    .ExecuteDeleteAsync();
                await transaction.CommitAsync();
                return removed == 1 ? account : Outcome<AppUser>.Failure([new FieldError("account", text["Account_LastPartner"])]);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.SerializationFailure && attempt < 3)
            {
            }
        }
    }
}
