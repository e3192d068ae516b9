using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Accounts;

/// <summary>The couple's accounts: who they are called, and which perspective each may write.</summary>
public sealed class Partners(AppDbContext db)
{
    private Dictionary<string, AppUser>? _accounts;

    /// <summary>Every account by id, read once per request (a couple has few).</summary>
    public async Task<IReadOnlyDictionary<string, AppUser>> AccountsAsync(CancellationToken cancellationToken = default) =>
        _accounts ??= await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, cancellationToken);

    /// <summary>The name pages show for an account id; null for none or a deleted account.</summary>
    public async Task<string?> NameAsync(string? userId, CancellationToken cancellationToken = default) =>
        userId is not null && (await AccountsAsync(cancellationToken)).TryGetValue(userId, out var user) ? user.ShownName : null;

    /// <summary>The partner who owns perspective <paramref name="number"/>, once they have an account.</summary>
    public async Task<AppUser?> OwnerAsync(int number, CancellationToken cancellationToken = default) =>
        (await AccountsAsync(cancellationToken)).Values.FirstOrDefault(u => u.Role == AccountRole.Partner && u.PerspectiveNumber == number);

    public async Task<int> PartnerCountAsync(CancellationToken cancellationToken = default) =>
        (await AccountsAsync(cancellationToken)).Values.Count(u => u.Role == AccountRole.Partner);

    /// <summary>
    /// A partner writes their own perspective; until the other partner has joined, both; the API key writes both,
    /// as scripts always could. Guests and visitors write none.
    /// </summary>
    public async Task<bool> MayWritePerspectiveAsync(ClaimsPrincipal user, int number, CancellationToken cancellationToken = default)
    {
        if (AppClaims.IsApiKey(user) || AppClaims.PerspectiveOf(user) == number && AppClaims.IsPartner(user))
        {
            return true;
        }

        return AppClaims.IsPartner(user) && await OwnerAsync(number, cancellationToken) is null;
    }
}
