using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Web.Data;

public sealed class DatabaseInitializer(
    AppDbContext db,
    CoupleService couple,
    CoupleClock clock,
    AdminSeeder adminSeeder,
    VisibilityService visibility,
    JobLeases leases,
    IStringLocalizer<SharedResource> text)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        // Instances starting at once on one PostgreSQL database take turns: each would otherwise find no couple, no
        // settings and no admin, and make its own (the second fails its start on the unique keys, or leaves two couples).
        await using (await leases.TakeAsync("start", cancellationToken))
        {
            await MigrateAndSeedAsync(cancellationToken);
        }
    }

    private async Task MigrateAndSeedAsync(CancellationToken cancellationToken)
    {
        // One look at the migrations history; Migrate (which takes the migrations lock) only when there is something to do.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
            await RecomputeDerivedColumnsAsync(db, cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets pages read while a write is under way; the setting is kept in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // Before the admin is made: a site that already has an account or memories started before visibility existed.
        await visibility.LoadAsync(db, cancellationToken);
        await EnsureCoupleAsync(cancellationToken);
        await adminSeeder.SeedAsync(cancellationToken);
    }

    /// <summary>After a migration, columns the code derives (a memory's search text) are written again for every row.</summary>
    public static async Task RecomputeDerivedColumnsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        foreach (var memory in await db.Memories.ToListAsync(cancellationToken))
        {
            db.Entry(memory).Property(m => m.SearchText).IsModified = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task EnsureCoupleAsync(CancellationToken cancellationToken)
    {
        if (await couple.FindAsync(cancellationToken) is not null)
        {
            return;
        }

        // The site is French first, so its first texts are French whatever the server's culture;
        // a culture set inside an async method does not flow back to the caller.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
        var today = clock.Today;
        db.CoupleData.Add(new CoupleData
        {
            StartDate = today.AddYears(-1),
            HomeMessage = text["Default_HomeMessage"],
            IntroText = text["Default_IntroText"],
            UpdatedAt = clock.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
