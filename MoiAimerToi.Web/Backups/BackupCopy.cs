using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Media;
using MoiAimerToi.Web.Photos;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Backups;

/// <summary>What one copy off the machine wrote.</summary>
public sealed record CopySummary(string Snapshot, int FilesCopied, int FilesAlreadyThere);

/// <summary>
/// Copies each backup off the machine, to <c>Backup:CopyTo</c>: a folder on another disk, or an S3-compatible bucket
/// (<c>s3://bucket/prefix</c>). The database snapshot goes to <c>snapshots/</c>, keeping the newest <c>Backup:Keep</c>,
/// and every photo, video and original to <c>files/</c> once (a stored file never changes, so one already there with
/// its size is not copied again). Each copy is read back and compared with its source by size and SHA-256 before it
/// counts (<see cref="ICopyTarget"/>): a copy cut short is never mistaken for a good one. The Data Protection keys and
/// the JWT secret stay behind, so that a copy of the backups opens no session, token or sealed link (docs/security.md).
/// </summary>
public sealed class BackupCopy(DataPaths paths, IFileStore store, IOptions<BackupOptions> options, IOptions<S3Options> s3, ILogger<BackupCopy> logger)
{
    public const string Snapshots = "snapshots/";
    public const string Files = "files/";
    public const string TemporarySuffix = ".partial";

    /// <summary>Beside each snapshot, the files it had: a file no kept snapshot had is deleted from the copy.</summary>
    public const string ManifestSuffix = ".files";

    private readonly Lazy<ICopyTarget?> _target = new(() =>
        string.IsNullOrWhiteSpace(options.Value.CopyTo) ? null : CopyTargets.From(options.Value.CopyTo, s3.Value));

    /// <summary>The store's files copied, by their folder's name in <c>files/</c>, with which of them are finished ones (not an upload still coming in).</summary>
    public static readonly IReadOnlyList<(string Name, FileArea Area, Func<string, bool> IsFinished)> Areas =
    [
        ("uploads", FileArea.Uploads, name => PhotoNames.IsStoredFile(name, out _)),
        ("originals", FileArea.Originals, OriginalFiles.IsName),
    ];

    public ICopyTarget? Target => _target.Value;

    /// <summary>Whether the snapshot is already in the copy.</summary>
    public async Task<bool> HasCopiedAsync(BackupFile snapshot, CancellationToken cancellationToken = default) =>
        Target is { } target && (await target.ListAsync(Snapshots, cancellationToken)).ContainsKey(Snapshots + Path.GetFileName(snapshot.Path));

    public async Task<CopySummary> CopyAsync(BackupFile snapshot, CancellationToken cancellationToken = default)
    {
        var target = Target ?? throw new InvalidOperationException("Backup:CopyTo is not set.");
        if (target is FolderTarget folderTarget && IsInside(folderTarget.Root, paths.Root))
        {
            throw new InvalidOperationException($"Backup:CopyTo ({folderTarget.Root}) is inside the data directory: a copy there is lost with it.");
        }

        // The files first, the snapshot last: a snapshot in the copy always has every file it names there too.
        var there = await target.ListAsync(Files, cancellationToken);
        var (copied, skipped) = (0, 0);
        var named = new List<string>();
        foreach (var (folderName, area, isFinished) in Areas)
        {
            await foreach (var file in store.ListAsync(area, cancellationToken))
            {
                if (!isFinished(file.Name))
                {
                    continue;
                }

                var key = $"{Files}{folderName}/{file.Name}";
                if (there.TryGetValue(key, out var size) && size == file.Length)
                {
                    skipped++;
                    named.Add(key);
                    continue;
                }

                try
                {
                    using var local = await store.GetLocalAsync(area, file, cancellationToken);
                    await target.PutVerifiedAsync(key, local.Path, cancellationToken);
                    copied++;
                    named.Add(key);
                }
                catch (FileNotFoundException)
                {
                    // Deleted (a photo removed) while the copy ran: nothing to keep.
                }
            }
        }

        var name = Path.GetFileName(snapshot.Path);
        var manifest = Path.Combine(paths.Scratch, $"backup-{Guid.NewGuid():N}.files");
        try
        {
            await File.WriteAllLinesAsync(manifest, named, cancellationToken);
            await target.PutVerifiedAsync(Snapshots + name + ManifestSuffix, manifest, cancellationToken);
        }
        finally
        {
            File.Delete(manifest);
        }

        await target.PutVerifiedAsync(Snapshots + name, snapshot.Path, cancellationToken);
        await PruneAsync(target, cancellationToken);
        logger.LogInformation("Backup {Snapshot} copied to {Target}: {Copied} new files, {There} already there", name, target.Name, copied, skipped);
        return new CopySummary(name, copied, skipped);
    }

    /// <summary>The finished snapshots in a copy, newest first.</summary>
    public static async Task<List<(string Key, BackupFile Backup)>> SnapshotsAsync(ICopyTarget target, CancellationToken cancellationToken) =>
        SnapshotsIn(await target.ListAsync(Snapshots, cancellationToken));

    /// <summary>The snapshots among a listing of <c>snapshots/</c> (which also holds their lists of files), newest first.</summary>
    private static List<(string Key, BackupFile Backup)> SnapshotsIn(IReadOnlyDictionary<string, long> listed) =>
        listed.Keys
            .Select(key => (Key: key, Backup: BackupFile.TryParse(key)))
            .Where(s => s.Backup is not null)
            .Select(s => (s.Key, s.Backup!))
            .OrderByDescending(s => s.Item2.CreatedAt)
            .ToList();

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

            var written = new FileInfo(temporary).Length;
            if (written != length)
            {
                throw new IOException($"The copy of {Path.GetFileName(from)} has {written} bytes, not {length}.");
            }

            if (!(await CopyTargets.Sha256Async(temporary, cancellationToken)).AsSpan().SequenceEqual(expected))
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

    /// <summary>
    /// Keeps the newest <c>Backup:Keep</c> snapshots, and the files one of them had: a photo the couple deleted (a
    /// "just us" one, an original with its GPS position) leaves the copy with the last snapshot that had it. Files are
    /// left alone while a kept snapshot has no list (one copied before lists were written).
    /// </summary>
    private async Task PruneAsync(ICopyTarget target, CancellationToken cancellationToken)
    {
        var listed = await target.ListAsync(Snapshots, cancellationToken);
        var snapshots = SnapshotsIn(listed);
        foreach (var (key, _) in snapshots.Skip(options.Value.Keep))
        {
            await target.DeleteAsync(key, cancellationToken);
            await target.DeleteAsync(key + ManifestSuffix, cancellationToken);
            logger.LogInformation("Old copied backup {Key} deleted from {Target}", key, target.Name);
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in snapshots.Take(options.Value.Keep))
        {
            if (!listed.ContainsKey(key + ManifestSuffix))
            {
                return;
            }

            var scratch = Path.Combine(paths.Scratch, $"backup-{Guid.NewGuid():N}.files");
            try
            {
                await target.GetVerifiedAsync(key + ManifestSuffix, scratch, cancellationToken);
                kept.UnionWith(await File.ReadAllLinesAsync(scratch, cancellationToken));
            }
            finally
            {
                File.Delete(scratch);
            }
        }

        foreach (var file in (await target.ListAsync(Files, cancellationToken)).Keys.Where(k => !kept.Contains(k)))
        {
            await target.DeleteAsync(file, cancellationToken);
        }
    }

    private static bool IsInside(string folder, string root) =>
        folder == root || folder.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
