using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Remembering;

/// <summary>Each partner's calendar and widget addresses: made when first shown, renewed on demand, found by their digest.</summary>
public sealed class PersonalLinks(AppDbContext db, IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _sealer = protection.CreateProtector("MoiAimerToi.PersonalLinkToken");

    /// <summary>The partner's secret of that kind, made now if they have none yet (or its seal can no longer be opened).</summary>
    public async Task<string> TokenAsync(string userId, PersonalLinkKind kind, CancellationToken cancellationToken = default)
    {
        var link = await db.PersonalLinks.SingleOrDefaultAsync(l => l.UserId == userId && l.Kind == kind, cancellationToken);
        if (link is not null && _sealer.Unseal(link.SealedToken) is { } token)
        {
            return token;
        }

        return await RenewAsync(userId, kind, cancellationToken);
    }

    /// <summary>A new secret; the old address stops working at once.</summary>
    public async Task<string> RenewAsync(string userId, PersonalLinkKind kind, CancellationToken cancellationToken = default)
    {
        var token = SecretTokens.New();
        var link = await db.PersonalLinks.SingleOrDefaultAsync(l => l.UserId == userId && l.Kind == kind, cancellationToken);
        if (link is null)
        {
            link = new PersonalLink { UserId = userId, Kind = kind };
            db.PersonalLinks.Add(link);
        }

        link.TokenHash = SecretTokens.Digest(token);
        link.SealedToken = _sealer.Protect(token);
        link.CreatedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (link.Id == 0)
        {
            // Two first views of the settings at once: the other made the partner's secret; that one is theirs.
            db.ChangeTracker.Clear();
            var made = await db.PersonalLinks.AsNoTracking().SingleAsync(l => l.UserId == userId && l.Kind == kind, cancellationToken);
            return _sealer.Unseal(made.SealedToken) ?? throw new InvalidOperationException("A personal link was made meanwhile and cannot be unsealed.");
        }

        return token;
    }

    /// <summary>The partner whose secret of that kind this is, or null (a guest's account cannot hold one).</summary>
    public async Task<AppUser?> OwnerAsync(PersonalLinkKind kind, string? token, CancellationToken cancellationToken = default)
    {
        if (!SecretTokens.LooksValid(token))
        {
            return null;
        }

        var digest = SecretTokens.Digest(token!);
        var userId = await db.PersonalLinks.AsNoTracking()
            .Where(l => l.Kind == kind && l.TokenHash == digest)
            .Select(l => l.UserId)
            .SingleOrDefaultAsync(cancellationToken);
        return userId is null
            ? null
            : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId && u.Role == AccountRole.Partner, cancellationToken);
    }
}
