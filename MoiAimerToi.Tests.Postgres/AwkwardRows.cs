using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Tests;

/// <summary>
/// Rows whose values each database keeps its own way, for the copies between them (<c>move-to-postgres</c>, the table
/// export of backups): a passkey, its data a JSON column with bytes and a time inside, and a lockout end (a time with an
/// offset, in the past so that the admin still signs in).
/// </summary>
internal static class AwkwardRows
{
    private static readonly byte[] CredentialId = [1, 2, 3, 250];
    private static readonly DateTimeOffset LockoutEnd = new(2020, 1, 2, 3, 4, 5, 678, TimeSpan.Zero); // Identity writes UTC.

    private static IdentityPasskeyData Data => new()
    {
        PublicKey = [9, 8, 7], Name = "iPhone d’Élise", CreatedAt = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(1)).AddTicks(10),
        SignCount = 42, Transports = ["internal", "hybrid"], IsUserVerified = true, IsBackupEligible = true, IsBackedUp = false,
        AttestationObject = [4, 5], ClientDataJson = [6],
    };

    public static Task AddAsync(AppFactory site) => site.InScopeAsync(async provider =>
    {
        var db = provider.GetRequiredService<AppDbContext>();
        var admin = await db.Users.SingleAsync(u => u.UserName == "admin");
        admin.LockoutEnd = LockoutEnd;
        db.Set<IdentityUserPasskey<string>>().Add(new IdentityUserPasskey<string> { CredentialId = CredentialId, UserId = admin.Id, Data = Data });
        return await db.SaveChangesAsync();
    });

    public static async Task AssertKeptAsync(AppDbContext db)
    {
        var passkey = await db.Set<IdentityUserPasskey<string>>().AsNoTracking().SingleAsync();
        Assert.Equal(CredentialId, passkey.CredentialId);
        Assert.Equivalent(Data, passkey.Data, strict: true);
        Assert.Equal(LockoutEnd, (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "admin")).LockoutEnd);
    }

}
