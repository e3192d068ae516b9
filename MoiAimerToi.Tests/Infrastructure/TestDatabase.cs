using System.Data.Common;
using Microsoft.Data.Sqlite;
using MoiAimerToi.Web.Backups;
using Npgsql;

namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>
/// The database the tests' sites keep their rows in. This project runs them on SQLite; MoiAimerToi.Tests.Postgres
/// compiles the same tests with <c>POSTGRES</c> defined and runs them on a <see cref="PostgresServer"/>.
/// </summary>
public static class TestDatabase
{
#if POSTGRES
    public static readonly bool IsPostgres = true;
#else
    public static readonly bool IsPostgres = false;
#endif

    /// <summary>What a backup of the tests' sites ends with: SQLite's file, or a pg_dump archive.</summary>
    public static string SnapshotExtension => IsPostgres ? BackupFile.PostgresExtension : BackupFile.SqliteExtension;

    /// <summary>The settings that put the site of this data directory on the tests' database (none for SQLite, the default).</summary>
    public static Dictionary<string, string?> SettingsFor(string dataDirectory) => IsPostgres
        ? new() { ["ConnectionStrings:Postgres"] = PostgresServer.Shared.DatabaseFor(dataDirectory) }
        : [];

    /// <summary>A connection of the test's own to the database of the site of this data directory, to look at its rows as they are.</summary>
    public static async Task<DbConnection> OpenAsync(string dataDirectory)
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(PostgresServer.Shared.DatabaseFor(dataDirectory) + ";Pooling=false")
            : new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "moi_aimer_toi.db")};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Every row of a query, each as its columns' values.</summary>
    public static async Task<List<object?[]>> RowsAsync(string dataDirectory, string sql)
    {
        await using var connection = await OpenAsync(dataDirectory);
        return await RowsAsync(connection, sql);
    }

    /// <inheritdoc cref="RowsAsync(string, string)"/>
    public static async Task<List<object?[]>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var column = 0; column < row.Length; column++)
            {
                row[column] = reader.IsDBNull(column) ? null : reader.GetValue(column);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// "ok" when the database reads whole after a crash of the site: SQLite's own check of its file; on PostgreSQL,
    /// whose server did not crash, every table read to its end.
    /// </summary>
    public static async Task<string?> IntegrityAsync(string dataDirectory)
    {
        if (!IsPostgres)
        {
            return (string?)(await RowsAsync(dataDirectory, "PRAGMA integrity_check;")).Single()[0];
        }

        var tables = await RowsAsync(dataDirectory, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
        foreach (var table in tables)
        {
            await RowsAsync(dataDirectory, $"SELECT * FROM \"{table[0]}\"");
        }

        return tables.Count > 10 ? "ok" : $"only {tables.Count} tables";
    }

    /// <summary>When the site of this data directory is done with: its PostgreSQL database goes too.</summary>
    public static void Forget(string dataDirectory)
    {
        if (IsPostgres)
        {
            PostgresServer.Shared.Drop(dataDirectory);
        }
    }
}

/// <summary>
/// A test of what only SQLite has (its file, <c>PRAGMA</c>, <c>VACUUM INTO</c>): skipped on PostgreSQL, with the reason.
/// </summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute(string onPostgres)
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = onPostgres;
        }
    }
}

/// <inheritdoc cref="SqliteFactAttribute"/>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute(string onPostgres)
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = onPostgres;
        }
    }
}
