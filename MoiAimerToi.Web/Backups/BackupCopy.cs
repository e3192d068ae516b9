using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Backups;

/// <summary>What one copy off the machine wrote.</summary>
public sealed record CopySummary(string Snapshot, int FilesCopied, int FilesAlreadyThere);

/// <summary>
/// Copies each backup off the machine, into <c>Backup:CopyTo</c> (a mounted disk): the database snapshot into
/// <c>snapshots/</c>, keeping the newest <c>Backup:Keep</c>, and every photo, video and original into <c>files/</c>
/// once (a stored file never changes, so one already there with its size is not copied again). Each copy is written
/// under a temporary name, read back and compared with its source by size and SHA-256, and only then given its
/// name: a copy cut short is never mistaken for a good one. The Data Protection keys and the JWT secret stay behind,
/// so that a copy of the backups opens no session, token or sealed link (see docs/security.md).
/// </summary>
public sealed class BackupCopy(DataPaths paths, IOptions<BackupOptions> options, ILogger<BackupCopy> logger)
{
    public const string Snapshots = "snapshots";
    public const string Files = "files";
    private const string TemporarySuffix = ".partial";

    /// <summary>The folders copied, by their name in <c>files/</c>.</summary>
    public IReadOnlyList<(string Name, string Folder)> Folders => [("uploads", paths.Uploads), ("originals", paths.Originals)];

    public string? Target => string.IsNullOrWhiteSpace(options.Value.CopyTo) ? null : Path.GetFullPath(options.Value.CopyTo);

    /// <summary>Whether the snapshot is already in the copy.</summary>
    public bool HasCopied(BackupFile snapshot) =>
        Target is { } target && File.Exists(Path.Combine(target, Snapshots, Path.GetFileName(snapshot.Path)));

    public async Task<CopySummary> CopyAsync(BackupFile snapshot, CancellationToken cancellationToken = default)
    {
        var target = Target ?? throw new InvalidOperationException("Backup:CopyTo is not set.");
        if (target.StartsWith(paths.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || target == paths.Root)
        {
            throw new InvalidOperationException($"Backup:CopyTo ({target}) is inside the data directory: a copy there is lost with it.");
        }

        var snapshots = Directory.CreateDirectory(Path.Combine(target, Snapshots)).FullName;
        var name = Path.GetFileName(snapshot.Path);
        await CopyVerifiedAsync(snapshot.Path, Path.Combine(snapshots, name), cancellationToken);

        var (copied, there) = (0, 0);
        foreach (var (folderName, folder) in Folders)
        {
            var into = Directory.CreateDirectory(Path.Combine(target, Files, folderName)).FullName;
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var to = Path.Combine(into, Path.GetFileName(file));
                if (File.Exists(to) && new FileInfo(to).Length == new FileInfo(file).Length)
                {
                    there++;
                    continue;
                }

                try
                {
                    await CopyVerifiedAsync(file, to, cancellationToken);
                    copied++;
                }
                catch (FileNotFoundException)
                {
                    // Deleted (a photo removed) while the copy ran: nothing to keep.
                }
            }
        }

        Prune(snapshots);
        logger.LogInformation("Backup {Snapshot} copied to {Target}: {Copied} new files, {There} already there", name, target, copied, there);
        return new CopySummary(name, copied, there);
    }

    /// <summary>Writes <paramref name="to"/> from <paramref name="from"/>, read back and checked, or not at all.</summary>
    public static async Task CopyVerifiedAsync(string from, string to, CancellationToken cancellationToken)
    {
        var temporary = to + TemporarySuffix;
        try
        {
            byte[] expected;
            long length;
            await using (var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
            await using (var copy = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await copy.FlushAsync(cancellationToken);
                copy.Flush(flushToDisk: true);
                (expected, length) = (hash.GetHashAndReset(), source.Length);
            }

            byte[] written;
            await using (var check = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
            {
                if (check.Length != length)
                {
                    throw new IOException($"The copy of {Path.GetFileName(from)} has {check.Length} bytes, not {length}.");
                }

                written = await SHA256.HashDataAsync(check, cancellationToken);
            }

            if (!written.AsSpan().SequenceEqual(expected))
            {
                throw new IOException($"The copy of {Path.GetFileName(from)} does not read back as its source (SHA-256).");
            }

            File.Move(temporary, to, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private void Prune(string snapshots)
    {
        var kept = Directory.EnumerateFiles(snapshots)
            .Select(BackupFile.TryParse).OfType<BackupFile>()
            .OrderByDescending(b => b.CreatedAt).ToList();
        foreach (var old in kept.Skip(options.Value.Keep))
        {
            File.Delete(old.Path);
            logger.LogInformation("Old copied backup {Path} deleted", old.Path);
        }
    }
}
