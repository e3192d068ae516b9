using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MoiAimerToi.Web.Transfer;

/// <summary>What one table held on each side after a copy.</summary>
public sealed record CopiedTable(string Name, long Source, long Target);

/// <summary>
/// Every row of every table of the site's model, from a SQLite database into an empty PostgreSQL one made by the
/// same model, ids kept: each value read as SQLite's mapping stores it, turned back into the model's value, and
/// written as PostgreSQL's mapping stores it (a time as a UTC <c>timestamptz</c>). Parents before children, so that
/// every foreign key holds as rows go in; identity sequences then start after the highest id.
/// </summary>
public static class TableCopy
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    public static async Task<List<CopiedTable>> CopyAsync(DbContext source, DbContext target, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)source.Database.GetDbConnection();
        var postgres = transaction.Connection!;
        var targetTables = target.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name);
        var copied = new List<CopiedTable>();
        foreach (var table in InParentOrder(source.Model.GetRelationalModel().Tables))
        {
            var into = targetTables[table.Name];
            var columns = table.Columns.ToList();
            var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))})", postgres, transaction);
            var reading = columns.Select(c => (From: Mapping(c), To: Mapping(into.FindColumn(c.Name)!))).ToList();
            foreach (var column in columns)
            {
                // A JSON column (an owned type stored as JSON) has no property of its own: its text is copied as it is.
                var store = into.FindColumn(column.Name)!.StoreType;
                insert.Parameters.Add(store is "jsonb" or "json" ? new NpgsqlParameter { NpgsqlDbType = store == "jsonb" ? NpgsqlDbType.Jsonb : NpgsqlDbType.Json } : new NpgsqlParameter());
            }

            await using var select = sqlite.CreateCommand();
            select.CommandText = $"SELECT {names} FROM {Quote(table.Name)} ORDER BY {string.Join(", ", table.PrimaryKey!.Columns.Select(c => Quote(c.Name)))}";
            long rows = 0;
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    for (var i = 0; i < columns.Count; i++)
                    {
                        insert.Parameters[i].Value = reader.IsDBNull(i) ? DBNull.Value : Convert(reader, i, reading[i].From, reading[i].To);
                    }

                    await insert.ExecuteNonQueryAsync(cancellationToken);
                    rows++;
                }
            }

            await RestartIdentityAsync(into, postgres, transaction, cancellationToken);
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {Quote(table.Name)}", postgres, transaction);
            copied.Add(new CopiedTable(table.Name, rows, (long)(await count.ExecuteScalarAsync(cancellationToken))!));
        }

        return copied;
    }

    /// <summary>Rows of the model's tables in a PostgreSQL database: none in a new one.</summary>
    public static async Task<long> RowsInAsync(DbContext target, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        long rows = 0;
        foreach (var table in target.Model.GetRelationalModel().Tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {Quote(table.Name)}", connection);
            rows += (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return rows;
    }

    /// <summary>The column's value as SQLite keeps it, then as the model has it, then as PostgreSQL keeps it.</summary>
    private static object Convert(DbDataReader reader, int ordinal, RelationalTypeMapping? from, RelationalTypeMapping? to)
    {
        if (from is null || to is null)
        {
            return reader.GetString(ordinal);
        }

        var provider = from.Converter?.ProviderClrType ?? from.ClrType;
        provider = Nullable.GetUnderlyingType(provider) ?? provider;
        var stored = GetFieldValue.MakeGenericMethod(provider.IsEnum ? Enum.GetUnderlyingType(provider) : provider).Invoke(reader, [ordinal])!;
        var value = from.Converter is { } read ? read.ConvertFromProvider(stored)! : provider.IsEnum ? Enum.ToObject(provider, stored) : stored;
        // A timestamptz takes an offset of zero only.
        value = value is DateTimeOffset time ? time.ToUniversalTime() : value;
        return to.Converter is { } write ? write.ConvertToProvider(value)! : value;
    }

    private static RelationalTypeMapping? Mapping(IColumn column) => column.PropertyMappings.FirstOrDefault()?.TypeMapping;

    private static async Task RestartIdentityAsync(ITable table, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var column in table.Columns.Where(c => c.PropertyMappings.Any(p => p.Property.ValueGenerated == ValueGenerated.OnAdd) && c.StoreType is "integer" or "bigint"))
        {
            await using var restart = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('{Quote(table.Name)}', '{column.Name}'), COALESCE(MAX({Quote(column.Name)}), 0) + 1, false) FROM {Quote(table.Name)}",
                connection, transaction);
            await restart.ExecuteScalarAsync(cancellationToken);
        }
    }

    /// <summary>Each table after the tables its foreign keys point to (a table pointing to itself is ordered by its key).</summary>
    private static List<ITable> InParentOrder(IEnumerable<ITable> tables)
    {
        var left = tables.ToList();
        var ordered = new List<ITable>();
        while (left.Count > 0)
        {
            var ready = left.Where(t => t.ForeignKeyConstraints.All(fk => fk.PrincipalTable == t || ordered.Contains(fk.PrincipalTable))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"The tables {string.Join(", ", left.Select(t => t.Name))} point to each other: no order puts parents first.");
            }

            ordered.AddRange(ready);
            left.RemoveAll(ready.Contains);
        }

        return ordered;
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";
}
