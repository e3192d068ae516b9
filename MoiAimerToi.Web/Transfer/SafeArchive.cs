using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Localization;

namespace MoiAimerToi.Web.Transfer;

/// <summary>
/// A ZIP read only after every entry has passed the limits: how many entries, how big once decompressed
/// (each and all together), how strongly compressed, and names that stay inside the archive (no absolute
/// path, drive letter or <c>..</c>). Nothing is ever extracted under an entry's own name: entries are
/// looked up by their checked, normalized name (forward slashes, Unicode NFC).
/// </summary>
public sealed class SafeArchive : IDisposable
{
    private const long RatioCheckedAbove = 1024 * 1024;

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private readonly TransferOptions _limits;
    private readonly IStringLocalizer _text;

    private SafeArchive(ZipArchive zip, Dictionary<string, ZipArchiveEntry> entries, TransferOptions limits, IStringLocalizer text)
    {
        _zip = zip;
        _entries = entries;
        _limits = limits;
        _text = text;
    }

    /// <summary>The checked names of the files (not folders) in the archive.</summary>
    public IReadOnlyCollection<string> Names => _entries.Keys;

    /// <param name="seekable">The whole upload, kept open by the caller.</param>
    /// <exception cref="ImportRefusedException">Not a ZIP, or an entry breaks a limit.</exception>
    public static SafeArchive Open(Stream seekable, TransferOptions limits, IStringLocalizer text)
    {
        ZipArchive zip;
        try
        {
            // Names without the UTF-8 flag are read as UTF-8 too: that is what macOS and most tools write.
            zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or ArgumentException)
        {
            // Truncated or invented directory records surface as any of these.
            throw new ImportRefusedException(text["Error_ImportNotZip"], inner: exception);
        }

        try
        {
            return new SafeArchive(zip, Check(zip, limits, text), limits, text);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public bool Contains(string name) => _entries.ContainsKey(Normalize(name));

    /// <summary>Reads an entry, never past its declared size.</summary>
    /// <exception cref="KeyNotFoundException">No entry has that name; ask <see cref="Contains"/> first.</exception>
    public Stream Open(string name)
    {
        var key = Normalize(name);
        var entry = _entries[key];
        Stream inner;
        try
        {
            inner = entry.Open();
        }
        catch (Exception exception) when (exception is InvalidDataException or NotSupportedException)
        {
            throw new ImportRefusedException(_text["Error_ImportDamaged", Printable(key)], inner: exception);
        }

        return new BoundedEntryStream(inner, Math.Min(entry.Length, _limits.MaxEntryBytes),
            _text["Error_ImportEntryTooLarge", Printable(key), Megabytes(_limits.MaxEntryBytes)],
            _text["Error_ImportDamaged", Printable(key)]);
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>The archive-relative name with forward slashes, or null for a name that could leave the folder it is unpacked in.</summary>
    internal static string? SafeName(string raw)
    {
        if (raw.Length is 0 or > 1024 || raw.Any(char.IsControl))
        {
            return null;
        }

        // Windows PowerShell 5 writes backslashes; they are separators too, so "..\" is caught as well.
        var unified = raw.Replace('\\', '/');
        if (unified.StartsWith('/') || (unified.Length >= 2 && unified[1] == ':' && char.IsAsciiLetter(unified[0])))
        {
            return null;
        }

        var segments = unified.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToArray();
        return segments.Length == 0 || segments.Contains("..") ? null : Normalize(string.Join('/', segments));
    }

    /// <summary>A name as it may be shown in a message: no control characters, not too long.</summary>
    internal static string Printable(string name)
    {
        var shown = new string(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return shown.Length > 120 ? shown[..120] + "…" : shown;
    }

    internal static long Megabytes(long bytes) => Math.Max(1, bytes / (1024 * 1024));

    private static string Normalize(string name) => name.Normalize(NormalizationForm.FormC);

    private static Dictionary<string, ZipArchiveEntry> Check(ZipArchive zip, TransferOptions limits, IStringLocalizer text)
    {
        // The central directory is read whole before this count; its size is bounded by the upload's.
        var entries = zip.Entries;
        if (entries.Count > limits.MaxEntries)
        {
            throw new ImportRefusedException(text["Error_ImportTooManyEntries", limits.MaxEntries]);
        }

        var byName = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in entries)
        {
            var name = SafeName(entry.FullName)
                ?? throw new ImportRefusedException(text["Error_ImportUnsafeName", Printable(entry.FullName)]);
            if (entry.Length > limits.MaxEntryBytes)
            {
                throw new ImportRefusedException(text["Error_ImportEntryTooLarge", Printable(name), Megabytes(limits.MaxEntryBytes)]);
            }

            if (entry.Length > RatioCheckedAbove && entry.Length > entry.CompressedLength * limits.MaxCompressionRatio)
            {
                throw new ImportRefusedException(text["Error_ImportCompressionRatio", Printable(name)]);
            }

            total += entry.Length;
            if (total > limits.MaxTotalBytes)
            {
                throw new ImportRefusedException(text["Error_ImportTotalTooLarge", Megabytes(limits.MaxTotalBytes)]);
            }

            var isFolder = entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\');
            if (!isFolder && !byName.TryAdd(name, entry))
            {
                throw new ImportRefusedException(text["Error_ImportDuplicateName", Printable(name)]);
            }
        }

        return byName;
    }
}
