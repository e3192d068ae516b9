using System.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Data.Postgres;
using MoiAimerToi.Web.Transfer;

namespace MoiAimerToi.Web.Backups;

/// <summary>
/// A PostgreSQL site's backup made by the site itself, for machines without <c>pg_dump</c>: every table of the model in a
/// SQLite file that the SQLite migrations made (<see cref="BackupFile.PostgresTablesExtension"/>), read in one
/// repeatable-read transaction (one moment of the database, as <c>pg_dump</c> reads it), row counts compared. The key
/// ring's rows stay out, as they stay out of a <c>pg_dump</c> backup. Put back in one transaction: the file brought to
/// this version's tables first, as a start would (its migrations, then the columns the code derives), then every table
/// of the site emptied and filled from it. The file is a SQLite site's database too, so a SQLite site can be restored
/// from it.
/// </summary>
/// <param name="services">The site's, so that both models are the site's (Identity's schema version is an option).</param>
public sealed class PostgresTables(IServiceProvider services, IOptions<DatabaseOptions> database)
{
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = InFile(path);
            await file.Database.MigrateAsync(cancellationToken);
            await using var site = OfSite();
            await site.Database.OpenConnectionAsync(cancellationToken);
            await using var reading = await site.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await site.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", cancellationToken);
            await file.Database.OpenConnectionAsync(cancellationToken);
            await using var writing = await file.Database.BeginTransactionAsync(cancellationToken);
            Check(await TableCopy.CopyAsync(site, file, cancellationToken), "the backup");
            await writing.CommitAsync(cancellationToken);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Replaces every row of the site's tables with the file's, in one transaction: a failure changes nothing.</summary>
    public async Task PutInPlaceAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = InFile(path);
            var older = (await file.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
            await file.Database.MigrateAsync(cancellationToken);
            await file.Database.OpenConnectionAsync(cancellationToken);
            await using var site = OfSite();
            await site.Database.MigrateAsync(cancellationToken);
            await site.Database.OpenConnectionAsync(cancellationToken);
            await using var writing = await site.Database.BeginTransactionAsync(cancellationToken);
            await TableCopy.EmptyAsync(site, cancellationToken);
            Check(await TableCopy.CopyAsync(file, site, cancellationToken), "PostgreSQL");
            if (older)
            {
                // What a start does after it migrates; the next start finds nothing to migrate.
                await DatabaseInitializer.RecomputeDerivedColumnsAsync(site, cancellationToken);
            }

            await writing.CommitAsync(cancellationToken);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>The key ring's rows, which a backup leaves out.</summary>
    public async Task<List<DataProtectionKey>> KeyRingAsync(CancellationToken cancellationToken)
    {
        await using var site = OfSite();
        return await site.DataProtectionKeys.AsNoTracking().ToListAsync(cancellationToken);
    }

    private static void Check(List<CopiedTable> tables, string where)
    {
        if (tables.FirstOrDefault(t => t.Source != t.Target) is { } short_)
        {
            throw new InvalidOperationException($"{short_.Name} has {short_.Target} rows in {where}, not {short_.Source}.");
        }
    }

    private AppDbContext InFile(string path) => SiteContexts.OnSqliteFile(services, path);

    private PostgresDbContext OfSite() => SiteContexts.OnPostgres(services, database.Value.PostgresConnectionString!);
}
