using System.Text;

namespace MoiAimerToi.Web.Transfer;

public enum LegacyPhotoProblem
{
    /// <summary>No such file in the old uploads.</summary>
    Missing,

    /// <summary>The address would leave the uploads folder (a path, <c>..</c>), or the file is a link.</summary>
    OutsideUploads,

    /// <summary>The file is there but cannot be opened (permissions, a folder by that name).</summary>
    Unreadable,
}

/// <summary>Where the old site's <c>uploads/</c> files are: a folder on disk or a folder in a ZIP.</summary>
public interface ILegacyPhotoSource
{
    /// <summary>Opens the file a <c>photo_url</c> names, only ever inside the uploads folder.</summary>
    (Stream? Photo, LegacyPhotoProblem? Problem) Open(string photoUrl);
}

/// <summary>The old <c>photo_url</c> (<c>/uploads/&lt;original name&gt;</c>) turned into the names its file may have.</summary>
public static class LegacyPhotoNames
{
    private const string Prefix = "/uploads/";

    /// <returns>The candidate file names, best first, or none when the address leaves the uploads folder.</returns>
    public static IReadOnlyList<string> Candidates(string photoUrl)
    {
        var value = photoUrl.Trim();
        if (Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            value = Uri.UnescapeDataString(absolute.AbsolutePath);
        }

        if (value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            value = value[Prefix.Length..];
        }
        else if (value.StartsWith(Prefix[1..], StringComparison.Ordinal))
        {
            value = value[(Prefix.Length - 1)..];
        }

        // Copied from a Mac, "é" may be stored decomposed; a URL may have kept "%20".
        string[] forms = [value, value.Normalize(NormalizationForm.FormC), value.Normalize(NormalizationForm.FormD), Unescaped(value)];
        var safe = forms.Distinct(StringComparer.Ordinal).ToList();
        return safe.All(IsPlainName) ? safe : [];
    }

    /// <summary>One file name: no separator, no dot segment, no control character.</summary>
    public static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 255 && name is not ("." or "..")
        && name.IndexOfAny(['/', '\\']) < 0 && !name.Any(char.IsControl);

    private static string Unescaped(string value)
    {
        try
        {
            return value.Contains('%') ? Uri.UnescapeDataString(value) : value;
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}

/// <summary>The old uploads folder on disk, given to the <c>import-legacy</c> command.</summary>
public sealed class FolderPhotoSource(string uploadsFolder) : ILegacyPhotoSource
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(uploadsFolder)) + Path.DirectorySeparatorChar;

    public (Stream? Photo, LegacyPhotoProblem? Problem) Open(string photoUrl)
    {
        var candidates = LegacyPhotoNames.Candidates(photoUrl);
        if (candidates.Count == 0)
        {
            return (null, LegacyPhotoProblem.OutsideUploads);
        }

        foreach (var name in candidates)
        {
            var path = Path.GetFullPath(Path.Combine(_root, name));
            if (!path.StartsWith(_root, StringComparison.Ordinal) || Path.GetDirectoryName(path) + Path.DirectorySeparatorChar != _root)
            {
                return (null, LegacyPhotoProblem.OutsideUploads);
            }

            var file = new FileInfo(path);
            if (!file.Exists)
            {
                continue;
            }

            // A link could point anywhere on the server.
            if (file.LinkTarget is not null)
            {
                return (null, LegacyPhotoProblem.OutsideUploads);
            }

            try
            {
                return (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true), null);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return (null, LegacyPhotoProblem.Unreadable);
            }
        }

        return (null, LegacyPhotoProblem.Missing);
    }
}

/// <summary>The <c>uploads/</c> folder inside a ZIP sent to the import page, beside <c>moi_aimer_toi.db</c>.</summary>
public sealed class ZipPhotoSource(SafeArchive archive, string uploadsPrefix) : ILegacyPhotoSource
{
    public (Stream? Photo, LegacyPhotoProblem? Problem) Open(string photoUrl)
    {
        var candidates = LegacyPhotoNames.Candidates(photoUrl);
        if (candidates.Count == 0)
        {
            return (null, LegacyPhotoProblem.OutsideUploads);
        }

        var name = candidates.Select(c => uploadsPrefix + c).FirstOrDefault(archive.Contains);
        return name is null ? (null, LegacyPhotoProblem.Missing) : (archive.Open(name), null);
    }
}
