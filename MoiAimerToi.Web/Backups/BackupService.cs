using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Backups;

/// <summary>Copies the database into <c>backups/</c> in the data directory and keeps the newest <see cref="BackupOptions.Keep"/>.</summary>
public sealed class BackupService(
    DataPaths paths,
    DatabaseSnapshot snapshot,
    BackupCopy copy,
    IOptions<BackupOptions> options,
    TimeProvider time,
    ILogger<BackupService> logger)
{
    private const string TemporarySuffix = ".partial";

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>When this run of the site began backing up; a site with no backup yet counts from here.</summary>
    public DateTimeOffset Started { get; } = time.GetUtcNow();

    /// <summary>The finished backups of this site's kind of database (SQLite or PostgreSQL), newest first; one of the other kind is not counted, nor pruned.</summary>
    public IReadOnlyList<BackupFile> List() =>
        Directory.EnumerateFiles(paths.Backups)
            .Select(BackupFile.TryParse)
            .OfType<BackupFile>()
            .Where(snapshot.IsOwn)
            .OrderByDescending(backup => backup.CreatedAt)
            .ToList();

    /// <summary>How long until the newest backup is older than the interval; zero when a backup is due now.</summary>
    public TimeSpan TimeUntilDue()
    {
        var newest = List().FirstOrDefault();
        if (newest is null)
        {
            return TimeSpan.Zero;
        }

        var left = newest.CreatedAt + options.Value.Interval - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Makes a backup when none exists or the newest is older than the interval; null when none was due.</summary>
    public async Task<BackupFile?> BackupIfDueAsync(CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var made = TimeUntilDue() > TimeSpan.Zero ? null : await WriteAndPruneAsync(cancellationToken);
            await CopyAsync(made, cancellationToken);
            return made;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public async Task<BackupFile> BackupNowAsync(CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var made = await WriteAndPruneAsync(cancellationToken);
            await CopyAsync(made, cancellationToken);
            return made;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// With <c>Backup:CopyTo</c>, the backup just made off the machine, or else the newest one if it is not there yet:
    /// after a failed copy, the next round tries again.
    /// </summary>
    private async Task CopyAsync(BackupFile? made, CancellationToken cancellationToken)
    {
        if (copy.Target is null)
        {
            return;
        }

        var backup = made ?? List().FirstOrDefault();
        if (backup is not null && (made is not null || !await copy.HasCopiedAsync(backup, cancellationToken)))
        {
            await copy.CopyAsync(backup, cancellationToken);
        }
    }

    private async Task<BackupFile> WriteAndPruneAsync(CancellationToken cancellationToken)
    {
        DeleteLeftoverTemporaryFiles();

        var createdAt = time.GetUtcNow();
        var path = Path.Combine(paths.Backups, BackupFile.NameFor(createdAt, snapshot.Extension));
        var temporary = path + TemporarySuffix;
        try
        {
            await snapshot.WriteAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        logger.LogInformation("Database backed up to {Path}", path);
        Prune();
        return new BackupFile(path, createdAt);
    }

    private void Prune()
    {
        foreach (var old in List().Skip(options.Value.Keep))
        {
            if (TryDelete(old.Path))
            {
                logger.LogInformation("Old backup {Path} deleted", old.Path);
            }
        }
    }

    /// <summary>A crash during a backup leaves a temporary file; no backup runs alongside this one to own it.</summary>
    private void DeleteLeftoverTemporaryFiles()
    {
        // With the -wal and -shm files of a table export cut short.
        foreach (var leftover in Directory.GetFiles(paths.Backups, "*" + TemporarySuffix + "*"))
        {
            TryDelete(leftover);
        }
    }

    private bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "Could not delete {Path}", path);
            return false;
        }
    }
}
