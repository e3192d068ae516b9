using System.Globalization;

namespace MoiAimerToi.Web.Backups;

/// <summary>A complete backup: its time is in its name, so it survives copying the folder elsewhere.</summary>
public sealed record BackupFile(string Path, DateTimeOffset CreatedAt)
{
    private const string Prefix = "moi_aimer_toi-";
    private const string Extension = ".db";
    private const string TimeFormat = "yyyy-MM-dd'T'HHmmss'Z'";

    public static string NameFor(DateTimeOffset createdAt) =>
        Prefix + createdAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + Extension;

    /// <summary>Null for anything that is not a finished backup (a temporary file, a file someone put there).</summary>
    public static BackupFile? TryParse(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(Extension, StringComparison.Ordinal))
        {
            return null;
        }

        var time = name[Prefix.Length..^Extension.Length];
        return DateTimeOffset.TryParseExact(time, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var createdAt)
            ? new BackupFile(path, createdAt)
            : null;
    }
}
