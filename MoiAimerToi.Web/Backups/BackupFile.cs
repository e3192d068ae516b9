using System.Globalization;

namespace MoiAimerToi.Web.Backups;

/// <summary>A complete backup: its time is in its name, so it survives copying the folder elsewhere.</summary>
public sealed record BackupFile(string Path, DateTimeOffset CreatedAt)
{
    private const string Prefix = "moi_aimer_toi-";
    /// <summary>SQLite's own file; PostgreSQL's <c>pg_dump</c> archive; PostgreSQL's tables in a SQLite file (<see cref="PostgresTables"/>).</summary>
    public const string SqliteExtension = ".db";
    public const string PostgresExtension = ".pgdump";
    public const string PostgresTablesExtension = ".pgtables.db";
    private const string TimeFormat = "yyyy-MM-dd'T'HHmmss'Z'";

    /// <summary>The longest first: a table export's name ends with SQLite's extension too.</summary>
    private static readonly string[] Extensions = [PostgresTablesExtension, PostgresExtension, SqliteExtension];

    public string Extension => Extensions.First(e => Path.EndsWith(e, StringComparison.Ordinal));

    /// <summary>Of a PostgreSQL site: a <c>pg_dump</c> archive or a table export.</summary>
    public bool IsPostgres => Extension != SqliteExtension;

    /// <summary>A SQLite file, which a SQLite site can open as it is: a SQLite site's own, or a PostgreSQL site's table export.</summary>
    public bool IsSqliteFile => Extension != PostgresExtension;

    public static string NameFor(DateTimeOffset createdAt, string extension = SqliteExtension) =>
        Prefix + createdAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + extension;

    /// <summary>
    /// Null for anything that is not a finished backup (a temporary file, a file someone put there). Either kind of
    /// database: a site's own backups are those of its <see cref="DatabaseSnapshot.Extension"/>.
    /// </summary>
    public static BackupFile? TryParse(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        var extension = Extensions.FirstOrDefault(e => name.EndsWith(e, StringComparison.Ordinal));
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
