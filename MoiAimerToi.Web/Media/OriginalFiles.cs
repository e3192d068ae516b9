using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Media;

/// <summary>
/// Each photo and video exactly as uploaded, in the store's originals (<see cref="IFileStore"/>) under a random name
/// that keeps the upload's kind of file (<c>&lt;32 hex&gt;.heic</c>, <c>.mov</c>…). Made whole in the scratch and then
/// put in the store, so a file under its final name is always whole. Only the partners' download and the export read them.
/// </summary>
public sealed partial class OriginalFiles(DataPaths paths, IFileStore store, ILogger<OriginalFiles> logger)
{
    /// <summary>What an earlier version left while it wrote one; the sweep deletes it.</summary>
    private const string TemporarySuffix = ".tmp";

    public static bool IsName(string name) => Name().IsMatch(name);

    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".jpg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        ".heic" => "image/heic",
        ".avif" => "image/avif",
        ".mp4" => "video/mp4",
        ".mov" => "video/quicktime",
        ".webm" => "video/webm",
        _ => "application/octet-stream",
    };

    /// <summary>A stored original, or null for any other name and for a file that has gone.</summary>
    public async Task<StoredFileInfo?> FindAsync(string? name, CancellationToken cancellationToken) =>
        name is not null && IsName(name) ? await store.FindAsync(FileArea.Originals, name, cancellationToken) : null;

    public async Task<string> SaveAsync(ReadOnlyMemory<byte> content, string extension, CancellationToken cancellationToken)
    {
        var name = NewName(extension);
        var scratch = StoredFiles.NewScratchFile(paths, extension);
        try
        {
            await using (var file = new FileStream(scratch, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
            {
                await file.WriteAsync(content, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            await store.PutAsync(FileArea.Originals, name, scratch, cancellationToken);
            return name;
        }
        finally
        {
            StoredFiles.TryDelete(scratch, logger);
        }
    }

    /// <summary>Puts a finished upload (already flushed, in the data folder's scratch) in the store under a new name.</summary>
    public async Task<string> AdoptAsync(string uploadPath, string extension, CancellationToken cancellationToken)
    {
        var name = NewName(extension);
        await store.PutAsync(FileArea.Originals, name, uploadPath, cancellationToken);
        return name;
    }

    public async Task DeleteAsync(string? name)
    {
        if (name is not null && IsName(name))
        {
            await store.DeleteAsync(FileArea.Originals, name);
        }
    }

    /// <summary>Deletes the originals (and leftover temporary files) no medium refers to, written before <paramref name="writtenBefore"/>.</summary>
    public Task<int> SweepOrphansAsync(IReadOnlySet<string> referenced, DateTime writtenBefore, CancellationToken cancellationToken) => StoredFiles.DeleteOrphansAsync(
        store,
        FileArea.Originals,
        name => name.EndsWith(TemporarySuffix, StringComparison.Ordinal) ? IsName(name[..^TemporarySuffix.Length]) : IsName(name) && !referenced.Contains(name),
        writtenBefore,
        "original files no photo or video refers to",
        logger,
        cancellationToken);

    private static string NewName(string extension)
    {
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        return IsName(name) ? name : throw new ArgumentException($"An original cannot be kept as {extension}.", nameof(extension));
    }

    [GeneratedRegex(@"\A[0-9a-f]{32}\.(?:jpg|png|webp|gif|heic|avif|mp4|mov|webm)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
