using Microsoft.Data.Sqlite;
using MoiAimerToi.Web.Backups;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// <c>restore &lt;copy folder&gt; [--snapshot &lt;file name&gt;] [--replace]</c>: rebuilds a working site in the data directory
/// from a copy that <c>Backup:CopyTo</c> made: its newest snapshot (or the one named) and every file. Run with the site
/// stopped, before anything opens the database. A site that has a database is only replaced with <c>--replace</c>, and
/// its database is then kept beside, renamed.
/// </summary>
public static class RestoreCommand
{
    public const string Name = "restore";
    private const string Usage = "Usage: dotnet run --project MoiAimerToi.Web -- restore <copy folder> [--snapshot <file name>] [--replace]";

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

        var from = Path.GetFullPath(folders[0]);
        var snapshots = Directory.Exists(Path.Combine(from, BackupCopy.Snapshots))
            ? Directory.EnumerateFiles(Path.Combine(from, BackupCopy.Snapshots)).Select(BackupFile.TryParse).OfType<BackupFile>().OrderByDescending(b => b.CreatedAt).ToList()
            : [];
        var snapshot = named is null ? snapshots.FirstOrDefault() : snapshots.FirstOrDefault(s => Path.GetFileName(s.Path) == named);
        if (snapshot is null)
        {
            Console.Error.WriteLine(named is null
                ? $"No backup in '{Path.Combine(from, BackupCopy.Snapshots)}': give the folder Backup:CopyTo names."
                : $"No backup named '{named}' in '{Path.Combine(from, BackupCopy.Snapshots)}'.");
            return 1;
        }

        var paths = services.GetRequiredService<DataPaths>();
        if (File.Exists(paths.Database))
        {
            if (!replace)
            {
                Console.Error.WriteLine($"This site already has a database ({paths.Database}). Run again with --replace to put the copy in its place; the current one is then kept beside it.");
                return 1;
            }

            var aside = $"{paths.Database}.before-restore-{DateTime.UtcNow:yyyyMMddTHHmmssZ}";
            File.Move(paths.Database, aside);
            foreach (var journal in new[] { "-wal", "-shm" }.Select(suffix => paths.Database + suffix).Where(File.Exists))
            {
                File.Move(journal, aside + journal[paths.Database.Length..]);
            }

            Console.WriteLine($"The site's database was moved to {aside}.");
        }

        await BackupCopy.CopyVerifiedAsync(snapshot.Path, paths.Database, CancellationToken.None);
        if (await IntegrityAsync(paths.Database) is not "ok" and var problem)
        {
            File.Delete(paths.Database);
            Console.Error.WriteLine($"The backup {Path.GetFileName(snapshot.Path)} is damaged ({problem}); nothing was restored. Try an older one with --snapshot.");
            return 1;
        }

        var copied = 0;
        foreach (var (name, folder) in services.GetRequiredService<BackupCopy>().Folders)
        {
            var source = Path.Combine(from, BackupCopy.Files, name);
            foreach (var file in Directory.Exists(source) ? Directory.EnumerateFiles(source) : [])
            {
                var to = Path.Combine(folder, Path.GetFileName(file));
                if (!file.EndsWith(".partial", StringComparison.Ordinal) && !(File.Exists(to) && new FileInfo(to).Length == new FileInfo(file).Length))
                {
                    await BackupCopy.CopyVerifiedAsync(file, to, CancellationToken.None);
                    copied++;
                }
            }
        }

        Console.WriteLine($"Restored {Path.GetFileName(snapshot.Path)} into {paths.Root}, with {copied} files.");
        Console.WriteLine("Everyone signs in again, and API clients too: sessions and tokens are not in backups. Share links still open; /settings cannot show their addresses again.");
        return 0;
    }

    private static async Task<string> IntegrityAsync(string database)
    {
        try
        {
            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            return (string?)await command.ExecuteScalarAsync() ?? "no answer";
        }
        catch (SqliteException exception)
        {
            return exception.Message;
        }
    }
}
