using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Storage;
using Npgsql;

namespace MoiAimerToi.Web.Backups;

/// <summary>
/// The site's database as one file, and back: SQLite's <c>VACUUM INTO</c>, or on PostgreSQL a <c>pg_dump</c> archive
/// (custom format) that <c>pg_restore</c> reads, or where the machine has no <c>pg_dump</c> (or <c>Backup:PostgresFormat</c>
/// says so) the site's own export of every table (<see cref="PostgresTables"/>). The one place that knows how each
/// database is saved and put back.
/// </summary>
public sealed class DatabaseSnapshot(DataPaths paths, IOptions<DatabaseOptions> database, IOptions<BackupOptions> backup, PostgresTables tables)
{
    public bool IsPostgres => database.Value.IsPostgres;

    private string Postgres => database.Value.PostgresConnectionString!;

    /// <summary>Whether this PostgreSQL site's backups are its own export of its tables rather than <c>pg_dump</c>'s.</summary>
    private bool ExportsTables => backup.Value.PostgresFormat switch
    {
        BackupOptions.TablesFormat => true,
        BackupOptions.PgDumpFormat => false,
        _ => PostgresTools.Find("pg_dump") is null,
    };

    /// <summary>The extension of the snapshots this site makes now (SQLite's file, a <c>pg_dump</c> archive or a table export).</summary>
    public string Extension => !IsPostgres ? BackupFile.SqliteExtension : ExportsTables ? BackupFile.PostgresTablesExtension : BackupFile.PostgresExtension;

    /// <summary>Whether a backup is of this site's kind of database (either kind of a PostgreSQL one).</summary>
    public bool IsOwn(BackupFile backup) => backup.IsPostgres == IsPostgres;

    /// <summary>Writes the whole database to <paramref name="path"/>, flushed to disk: a backup, without the key ring.</summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken) => WriteAsync(path, keyRing: false, cancellationToken);

    private async Task WriteAsync(string path, bool keyRing, CancellationToken cancellationToken)
    {
        if (IsPostgres && ExportsTables)
        {
            await tables.WriteAsync(path, cancellationToken);
        }
        else if (IsPostgres)
        {
            // A backup leaves the key ring's rows out, as it leaves keys/ out on SQLite: it opens no session (docs/security.md).
            string[] keys = keyRing ? [] : ["--exclude-table-data=\"DataProtectionKeys\""];
            await PostgresTools.RunAsync("pg_dump", Postgres,
                ["--format=custom", "--no-owner", "--no-privileges", .. keys, $"--file={path}"], cancellationToken);
        }
        else
        {
            await using var connection = new SqliteConnection(paths.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // VACUUM INTO takes any expression, so the path is bound rather than spliced into the SQL.
            command.CommandText = "VACUUM INTO $path;";
            command.Parameters.AddWithValue("$path", path);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // Neither SQLite nor pg_dump fsyncs the file it writes; flush it before its name says it is complete.
        await using var written = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        written.Flush(flushToDisk: true);
    }

    /// <summary>Null when the snapshot can be read whole; else what is wrong with it.</summary>
    public async Task<string?> ProblemWithAsync(string path, BackupFile snapshot)
    {
        // A table export is a SQLite file that either kind of site reads.
        if (snapshot.IsPostgres != IsPostgres && snapshot.Extension != BackupFile.PostgresTablesExtension)
        {
            return snapshot.IsPostgres
                ? "it is of a PostgreSQL database, and this site is on SQLite: set DATABASE_URL (or ConnectionStrings:Postgres) to restore it"
                : "it is of a SQLite database, and this site is on PostgreSQL";
        }

        try
        {
            if (!snapshot.IsSqliteFile)
            {
                // Reads the archive's table of contents: a foreign or damaged file fails here. (Damaged data further in makes
                // the restore, one transaction, fail and change nothing; the copy's SHA-256 was checked already.)
                await PostgresTools.RunAsync("pg_restore", Postgres, ["--list", path], CancellationToken.None);
                return null;
            }

            await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            if ((string?)await command.ExecuteScalarAsync() is not "ok")
            {
                return "damaged";
            }

            // Any SQLite file may be whole; a site's has its migrations' history and its couple, as every site that started once.
            const string NotOurs = "it is not a database of this site: it has no migrations history or no couple";
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'CoupleData')";
            if (await ScalarAsync(command) != 2)
            {
                return NotOurs;
            }

            command.CommandText = """SELECT EXISTS (SELECT 1 FROM "__EFMigrationsHistory") AND EXISTS (SELECT 1 FROM "CoupleData")""";
            return await ScalarAsync(command) == 1 ? null : NotOurs;
        }
        catch (Exception exception) when (exception is SqliteException or InvalidOperationException)
        {
            return $"damaged: {exception.Message}";
        }
    }

    private static async Task<long> ScalarAsync(SqliteCommand command) =>
        Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether the site already has a database that a restore would replace. On PostgreSQL: whether a table of the
    /// site's schema holds a row, as every site that started once does (its couple, its settings). Rows without their
    /// migrations' history count too: <c>pg_restore --clean</c> would drop them all the same. An empty database, or one
    /// whose tables are empty (migrated, never started), has nothing to lose.
    /// </summary>
    public async Task<bool> ExistsAsync()
    {
        if (!IsPostgres)
        {
            return File.Exists(paths.Database);
        }

        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand(
            "SELECT string_agg(format('EXISTS (SELECT 1 FROM %I.%I)', schemaname, tablename), ' OR ') FROM pg_tables WHERE schemaname = current_schema()",
            connection);
        if (await tables.ExecuteScalarAsync() is not string anyRow)
        {
            return false;
        }

        await using var command = new NpgsqlCommand("SELECT " + anyRow, connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Keeps the current database in <paramref name="folder"/>: SQLite's files moved there (keys/ stays where it is),
    /// PostgreSQL's dumped there with the key ring's rows, which the restored snapshot does not have (a table export
    /// beside the key ring as a SQLite site keeps it, in <c>keys/</c>).
    /// </summary>
    public async Task MoveAsideAsync(string folder)
    {
        if (IsPostgres && ExportsTables)
        {
            await WriteAsync(Path.Combine(folder, "database" + BackupFile.PostgresTablesExtension), keyRing: false, CancellationToken.None);
            var keys = Directory.CreateDirectory(Path.Combine(folder, "keys")).FullName;
            foreach (var key in await tables.KeyRingAsync(CancellationToken.None))
            {
                await File.WriteAllTextAsync(Path.Combine(keys, $"{key.FriendlyName}.xml"), key.Xml);
            }

            return;
        }

        if (IsPostgres)
        {
            await WriteAsync(Path.Combine(folder, "database" + BackupFile.PostgresExtension), keyRing: true, CancellationToken.None);
            return;
        }

        foreach (var file in new[] { "", "-wal", "-shm" }.Select(suffix => paths.Database + suffix).Where(File.Exists))
        {
            File.Move(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    /// <summary>Makes the checked snapshot the site's database (PostgreSQL: its tables replaced in one transaction).</summary>
    public async Task PutInPlaceAsync(string path, BackupFile snapshot)
    {
        if (!IsPostgres)
        {
            File.Move(path, paths.Database);
            return;
        }

        if (snapshot.IsSqliteFile)
        {
            await tables.PutInPlaceAsync(path, CancellationToken.None);
            File.Delete(path);
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(Postgres).Database!;
        await PostgresTools.RunAsync("pg_restore", Postgres,
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", $"--dbname={name}", path], CancellationToken.None);
        File.Delete(path);
    }
}
