using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Backups;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// <c>restore &lt;copy folder or s3://bucket/prefix&gt; [--snapshot &lt;file name&gt;] [--replace]</c>: rebuilds a working site in the data directory
/// from a copy that <c>Backup:CopyTo</c> made: its newest snapshot (or the one named) and every file. Run with the site
/// stopped, before anything opens the database: SQLite's file, or the configured PostgreSQL database through
/// <c>pg_restore</c> (<see cref="DatabaseSnapshot"/>); the files go into the store (the data folder or the bucket). A site
/// that has a database is only replaced with <c>--replace</c>, and its database and files are then kept in
/// <c>before-restore-&lt;time&gt;/</c> (its files under that prefix when they are in a bucket).
/// </summary>
public static class RestoreCommand
{
    public const string Name = "restore";
    private const string Usage = "Usage: dotnet run --project MoiAimerToi.Web -- restore <copy folder or s3://bucket/prefix> [--snapshot <file name>] [--replace]";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        var replace = args.Contains("--replace");
        var named = args.SkipWhile(a => a != "--snapshot").Skip(1).FirstOrDefault();
        var folders = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--snapshot")).ToList();
        if (folders.Count != 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var from = CopyTargets.IsBucket(folders[0]) ? folders[0] : Path.GetFullPath(folders[0]);
        var target = CopyTargets.From(from, services.GetRequiredService<IOptions<S3Options>>().Value);
        var snapshots = await BackupCopy.SnapshotsAsync(target, CancellationToken.None);
        var chosen = named is null ? snapshots.FirstOrDefault() : snapshots.FirstOrDefault(s => Path.GetFileName(s.Key) == named);
        if (chosen.Key is null)
        {
            Console.Error.WriteLine(named is null
                ? $"No backup in '{target.Name}' ({BackupCopy.Snapshots}): give what Backup:CopyTo names."
                : $"No backup named '{named}' in '{target.Name}'.");
            return 1;
        }

        var snapshotName = Path.GetFileName(chosen.Key);
        var paths = services.GetRequiredService<DataPaths>();
        var database = services.GetRequiredService<DatabaseSnapshot>();
        var exists = await database.ExistsAsync();
        if (exists && !replace)
        {
            Console.Error.WriteLine("This site already has a database. Run again with --replace to put the copy in its place; the current database and files are then kept aside.");
            return 1;
        }

        // Fetched and checked beside the site's database first: a damaged backup changes nothing.
        var incoming = paths.Database + ".restoring";
        await target.GetVerifiedAsync(chosen.Key, incoming, CancellationToken.None);
        if (await database.ProblemWithAsync(incoming, chosen.Backup) is { } problem)
        {
            File.Delete(incoming);
            Console.Error.WriteLine($"The backup {snapshotName} cannot be restored ({problem}); nothing was restored. Try an older one with --snapshot.");
            return 1;
        }

        var store = services.GetRequiredService<IFileStore>();
        var aside = $"before-restore-{DateTime.UtcNow:yyyyMMddTHHmmssZ}";
        await File.WriteAllTextAsync(paths.RestoreUnderWay, $"restore of {snapshotName}, the old site kept in {aside}");
        if (exists)
        {
            // The database as it was first; pg_restore runs in one transaction, so a failed one leaves it as it was.
            await database.MoveAsideAsync(Directory.CreateDirectory(Path.Combine(paths.Root, aside)).FullName);
        }

        try
        {
            await database.PutInPlaceAsync(incoming, chosen.Backup);
        }
        catch (Exception failure) when (database.IsPostgres)
        {
            // In one transaction: the database is as it was, and no file has moved yet.
            File.Delete(incoming);
            File.Delete(paths.RestoreUnderWay);
            Console.Error.WriteLine($"The backup {snapshotName} could not be put in place ({failure.Message}); the database is as it was, and nothing was restored.");
            return 1;
        }
        if (exists)
        {
            // And its files, so that nothing it held is lost (the start's sweep would otherwise delete the files the
            // older snapshot does not name).
            foreach (var (_, area, _) in BackupCopy.Areas)
            {
                // Listed whole first: a listing is not to be read while its files move out of it.
                foreach (var file in await store.ListAsync(area, CancellationToken.None).ToListAsync())
                {
                    await store.MoveAsideAsync(area, file.Name, aside, CancellationToken.None);
                }
            }

            Console.WriteLine(store is BucketFileStore
                ? $"The site as it was was kept aside: its database in {Path.Combine(paths.Root, aside)}, its files under {aside}/ in {store.Name}."
                : $"The site as it was (database, uploads, originals) was moved to {Path.Combine(paths.Root, aside)}.");
        }

        var copied = 0;
        var stored = await target.ListAsync(BackupCopy.Files, CancellationToken.None);
        foreach (var (name, area, isFinished) in BackupCopy.Areas)
        {
            foreach (var (key, size) in stored.Where(f => f.Key.StartsWith($"{BackupCopy.Files}{name}/", StringComparison.Ordinal) && isFinished(Path.GetFileName(f.Key))))
            {
                var fileName = Path.GetFileName(key);
                if ((await store.FindAsync(area, fileName, CancellationToken.None))?.Length == size)
                {
                    continue;
                }

                // Fetched and checked in the scratch, then put in the store whole.
                var scratch = StoredFiles.NewScratchFile(paths);
                try
                {
                    await target.GetVerifiedAsync(key, scratch, CancellationToken.None);
                    await store.PutAsync(area, fileName, scratch, CancellationToken.None);
                    copied++;
                }
                finally
                {
                    File.Delete(scratch);
                }
            }
        }

        File.Delete(paths.RestoreUnderWay);
        Console.WriteLine($"Restored {snapshotName} into {paths.Root}, with {copied} files.");
        Console.WriteLine("Everyone signs in again, and API clients too: sessions and tokens are not in backups. Share links still open; /settings cannot show their addresses again.");
        return 0;
    }
}
