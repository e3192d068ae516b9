using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Backups;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Data.Postgres;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Transfer;

/// <summary>What a move wrote, and what it found already there.</summary>
public sealed record MoveReport(IReadOnlyList<CopiedTable> Tables, int Keys, int FilesCopied, int FilesAlreadyThere, string? Bucket);

/// <summary>Why a move did not begin or did not finish; its message says what to do.</summary>
public sealed class MoveRefusedException(string message) : Exception(message);

/// <summary>
/// A SQLite site (<c>move-to-postgres</c>) copied into an empty PostgreSQL database and, when <c>S3:Bucket</c> is set,
/// its files into that bucket; the site itself is only read, and may keep running. From a snapshot of its database
/// (<c>VACUUM INTO</c>, in the scratch): the files it has first, each checked by SHA-256 once in the bucket, then every
/// table in one transaction, row counts compared before it commits, and the key ring of <c>keys/</c> as rows, so that
/// sign-ins and sealed links go on working. A move cut short changes nothing in the database and may simply run again.
/// </summary>
/// <param name="services">The site's, so that both models are the site's (Identity's schema version is an option).</param>
public sealed class SiteMove(
    IServiceProvider services, DataPaths paths, DatabaseSnapshot snapshot, FolderFileStore files, IOptions<S3Options> s3, ILoggerFactory loggers)
{
    public async Task<MoveReport> MoveAsync(string postgresConnectionString, CancellationToken cancellationToken)
    {
        var copy = Path.Combine(paths.Scratch, $"move-{Guid.NewGuid():N}.db");
        try
        {
            await snapshot.WriteAsync(copy, cancellationToken);
            await using var source = SiteContexts.OnSqliteFile(services, copy);
            if ((await source.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                throw new MoveRefusedException("This site's database is older than this version of the site: start the site once, then move it.");
            }

            await using var target = SiteContexts.OnPostgres(services, postgresConnectionString);
            await target.Database.MigrateAsync(cancellationToken);
            await target.Database.OpenConnectionAsync(cancellationToken);
            if (await TableCopy.RowsInAsync(target, cancellationToken) > 0)
            {
                throw new MoveRefusedException("The PostgreSQL database is not empty: a move goes into a new database only.");
            }

            var (copied, there, bucket) = await CopyFilesAsync(cancellationToken);

            await source.Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
            var tables = await TableCopy.CopyAsync(source, target, cancellationToken);
            if (tables.FirstOrDefault(t => t.Source != t.Target) is { } short_)
            {
                throw new MoveRefusedException($"{short_.Name} has {short_.Target} rows in PostgreSQL, not {short_.Source}: nothing was written there.");
            }

            var keys = await CopyKeysAsync(target, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new MoveReport(tables, keys, copied, there, bucket);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Every finished file of the data folder into the bucket, read back and compared by SHA-256; none without a bucket.</summary>
    private async Task<(int Copied, int There, string? Bucket)> CopyFilesAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(s3.Value.Bucket))
        {
            return (0, 0, null);
        }

        using var bucket = new BucketFileStore(s3, paths, loggers.CreateLogger<BucketFileStore>());
        var (copied, there) = (0, 0);
        foreach (var (_, area, isFinished) in BackupCopy.Areas)
        {
            await foreach (var file in files.ListAsync(area, cancellationToken))
            {
                if (!isFinished(file.Name))
                {
                    continue;
                }

                var expected = await CopyTargets.Sha256Async(file.LocalPath!, cancellationToken);
                if (await bucket.FindAsync(area, file.Name, cancellationToken) is not { } found || found.Length != file.Length || !await SameAsync(bucket, area, found, expected, cancellationToken))
                {
                    var scratch = StoredFiles.NewScratchFile(paths);
                    File.Copy(file.LocalPath!, scratch);
                    await bucket.PutAsync(area, file.Name, scratch, cancellationToken);
                    if (!await SameAsync(bucket, area, (await bucket.FindAsync(area, file.Name, cancellationToken))!, expected, cancellationToken))
                    {
                        throw new MoveRefusedException($"{file.Name} does not read back from {bucket.Name} as it is on the disk (SHA-256): nothing was written in PostgreSQL.");
                    }

                    copied++;
                }
                else
                {
                    there++;
                }
            }
        }

        return (copied, there, bucket.Name);
    }

    private static async Task<bool> SameAsync(IFileStore store, FileArea area, StoredFileInfo file, byte[] expected, CancellationToken cancellationToken)
    {
        using var local = await store.GetLocalAsync(area, file, cancellationToken);
        return (await CopyTargets.Sha256Async(local.Path, cancellationToken)).AsSpan().SequenceEqual(expected);
    }

    /// <summary>The key ring of <c>keys/</c>, as the rows PostgreSQL's sites read it from (in the target's transaction).</summary>
    private async Task<int> CopyKeysAsync(PostgresDbContext target, CancellationToken cancellationToken)
    {
        foreach (var key in Directory.EnumerateFiles(paths.Keys, "*.xml"))
        {
            target.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(key), Xml = await File.ReadAllTextAsync(key, cancellationToken),
            });
        }

        return await target.SaveChangesAsync(cancellationToken);
    }
}
