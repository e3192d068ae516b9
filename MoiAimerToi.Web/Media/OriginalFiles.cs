using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Media;

/// <summary>
/// Each photo and video exactly as uploaded, in the data folder's <c>originals/</c> under a random name that keeps
/// the upload's kind of file (<c>&lt;32 hex&gt;.heic</c>, <c>.mov</c>…). Written under a temporary name and renamed,
/// so a file under its final name is always whole. Only the partners' download and the export read them.
/// </summary>
public sealed partial class OriginalFiles(DataPaths paths, ILogger<OriginalFiles> logger)
{
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

    /// <summary>The full path of a stored original, or null for any other name and for a file that has gone.</summary>
    public string? Find(string? name) =>
        name is not null && IsName(name) && File.Exists(Path.Combine(paths.Originals, name)) ? Path.Combine(paths.Originals, name) : null;

    public string Save(ReadOnlySpan<byte> content, string extension)
    {
        var (name, path, temporary) = NewFile(extension);
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920))
            {
                file.Write(content);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path);
            return name;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Moves a finished upload (already flushed, in the data folder's scratch) in under a new name.</summary>
    public string Adopt(string uploadPath, string extension)
    {
        var (name, path, _) = NewFile(extension);
        File.Move(uploadPath, path);
        return name;
    }

    public void Delete(string? name)
    {
        if (name is not null && IsName(name))
        {
            TryDelete(Path.Combine(paths.Originals, name));
        }
    }

    /// <summary>Deletes the originals (and leftover temporary files) no medium refers to, written before <paramref name="writtenBefore"/>.</summary>
    public int SweepOrphans(IReadOnlySet<string> referenced, DateTime writtenBefore) => StoredFiles.DeleteOrphans(
        paths.Originals,
        name => name.EndsWith(TemporarySuffix, StringComparison.Ordinal) ? IsName(name[..^TemporarySuffix.Length]) : IsName(name) && !referenced.Contains(name),
        writtenBefore,
        "original files no photo or video refers to",
        logger);

    private (string Name, string Path, string Temporary) NewFile(string extension)
    {
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        if (!IsName(name))
        {
            throw new ArgumentException($"An original cannot be kept as {extension}.", nameof(extension));
        }

        var path = Path.Combine(paths.Originals, name);
        return (name, path, path + TemporarySuffix);
    }

    private bool TryDelete(string path) => StoredFiles.TryDelete(path, logger);

    [GeneratedRegex(@"\A[0-9a-f]{32}\.(?:jpg|png|webp|gif|heic|avif|mp4|mov|webm)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
