using System.Globalization;

namespace MoiAimerToi.Web.Backups;

/// <summary>A complete backup: its time is in its name, so it survives copying the folder elsewhere.</summary>
public sealed record BackupFile(string Path, DateTimeOffset CreatedAt)
{
    private const string Prefix = "moi_aimer_toi-";
    /// <summary>SQLite's own file; PostgreSQL's <c>pg_dump</c> archive.</summary>
    public const string SqliteExtension = ".db";
    public const string PostgresExtension = ".pgdump";
    private const string TimeFormat = "yyyy-MM-dd'T'HHmmss'Z'";

    public bool IsPostgres => Path.EndsWith(PostgresExtension, StringComparison.Ordinal);

    public string Extension => IsPostgres ? PostgresExtension : SqliteExtension;

    public static string NameFor(DateTimeOffset createdAt, string extension = SqliteExtension) =>
        Prefix + createdAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + extension;

    /// <summary>
    /// Null for anything that is not a finished backup (a temporary file, a file someone put there). Either kind of
    /// database: a site's own backups are those of its <see cref="DatabaseSnapshot.Extension"/>.
    /// </summary>
    public static BackupFile? TryParse(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        var extension = new[] { SqliteExtension, PostgresExtension }.FirstOrDefault(e => name.EndsWith(e, StringComparison.Ordinal));
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || extension is null)
        {
            return null;
        }

        var time = name[Prefix.Length..^extension.Length];
        return DateTimeOffset.TryParseExact(time, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var createdAt)
            ? new BackupFile(path, createdAt)
            : null;
    }
}
