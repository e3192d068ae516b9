namespace MoiAimerToi.Web.Backups;

public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>How old the newest backup may get before another one is made.</summary>
    public double IntervalHours { get; set; } = 24;

    /// <summary>How many backups are kept; older ones are deleted after each new backup.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>A folder off this machine's disk (a mounted one) that every backup is also copied to, with the files; none when empty.</summary>
    public string? CopyTo { get; set; }

    /// <summary>
    /// How a PostgreSQL site is backed up: <c>pg_dump</c>, <c>tables</c> (the site's own export of every table, in a SQLite
    /// file: <see cref="PostgresTables"/>), or <c>auto</c>: <c>pg_dump</c> where the machine has it, else <c>tables</c>.
    /// </summary>
    public string PostgresFormat { get; set; } = AutoFormat;

    public const string AutoFormat = "auto";
    public const string PgDumpFormat = "pg_dump";
    public const string TablesFormat = "tables";

    public TimeSpan Interval => TimeSpan.FromHours(IntervalHours);
}
