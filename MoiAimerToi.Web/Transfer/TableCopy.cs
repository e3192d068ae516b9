using System.Data.Common;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MoiAimerToi.Web.Transfer;

/// <summary>What one table held on each side after a copy.</summary>
public sealed record CopiedTable(string Name, long Source, long Target);

/// <summary>
/// Every row of every table of the site's model, from one database into another made by the same model (SQLite into
/// PostgreSQL for a move, PostgreSQL into a SQLite file and back for a backup without <c>pg_dump</c>), ids kept: each
/// value read as the source's mapping stores it, turned back into the model's value, and written as the target's
/// mapping stores it (a time as a UTC <c>timestamptz</c> on PostgreSQL). Parents before children, so that every foreign
/// key holds as rows go in; PostgreSQL's identity sequences then start after the highest id. The key ring's table,
/// which only PostgreSQL's model has, is left out when the target has no such table.
/// </summary>
public static class TableCopy
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    /// <summary>Both contexts' connections are open, and the target's is in a transaction that the caller commits.</summary>
    public static async Task<List<CopiedTable>> CopyAsync(DbContext source, DbContext target, CancellationToken cancellationToken)
    {
        var from = source.Database.GetDbConnection();
        var reading = source.Database.CurrentTransaction?.GetDbTransaction();
        var into = target.Database.GetDbConnection();
        var writing = target.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A copy writes in one transaction of the target's.");
        var targetTables = target.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name);
        var copied = new List<CopiedTable>();
        foreach (var table in InParentOrder(source.Model.GetRelationalModel().Tables))
        {
            if (!targetTables.TryGetValue(table.Name, out var intoTable))
            {
                if (table.EntityTypeMappings.Any(m => m.TypeBase.ClrType == typeof(DataProtectionKey)))
                {
                    continue;
                }

                throw new InvalidOperationException($"The table {table.Name} is not in the target's model.");
            }

            var columns = table.Columns.ToList();
            var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
            await using var insert = into.CreateCommand();
            insert.Transaction = writing;
            insert.CommandText = $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            var mappings = columns.Select(c => (From: Mapping(c), To: Mapping(intoTable.FindColumn(c.Name)
                ?? throw new InvalidOperationException($"The column {table.Name}.{c.Name} is not in the target's model.")))).ToList();
            for (var i = 0; i < columns.Count; i++)
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                // A JSON column (an owned type stored as JSON) has no property of its own: its text is copied as it is.
                if (parameter is NpgsqlParameter npgsql && intoTable.FindColumn(columns[i].Name)!.StoreType is "jsonb" or "json")
                {
                    npgsql.NpgsqlDbType = intoTable.FindColumn(columns[i].Name)!.StoreType == "jsonb" ? NpgsqlDbType.Jsonb : NpgsqlDbType.Json;
                }

                insert.Parameters.Add(parameter);
            }

            await using var select = from.CreateCommand();
            select.Transaction = reading;
            select.CommandText = $"SELECT {names} FROM {Quote(table.Name)} ORDER BY {string.Join(", ", table.PrimaryKey!.Columns.Select(c => Quote(c.Name)))}";
            long rows = 0;
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    for (var i = 0; i < columns.Count; i++)
                    {
                        insert.Parameters[i].Value = reader.IsDBNull(i) ? DBNull.Value : Convert(reader, i, mappings[i].From, mappings[i].To);
                    }

                    await insert.ExecuteNonQueryAsync(cancellationToken);
                    rows++;
                }
            }

            if (into is NpgsqlConnection postgres)
            {
                await RestartIdentityAsync(intoTable, postgres, (NpgsqlTransaction)writing, cancellationToken);
            }

            copied.Add(new CopiedTable(table.Name, rows, await CountAsync(into, writing, table.Name, cancellationToken)));
        }

        return copied;
    }

    /// <summary>Rows of the model's tables in the context's database (its connection open): none in a new one.</summary>
    public static async Task<long> RowsInAsync(DbContext context, CancellationToken cancellationToken)
    {
        long rows = 0;
        foreach (var table in context.Model.GetRelationalModel().Tables)
        {
            rows += await CountAsync(context.Database.GetDbConnection(), context.Database.CurrentTransaction?.GetDbTransaction(), table.Name, cancellationToken);
        }

        return rows;
    }

    /// <summary>Every table of the model emptied, in the context's transaction; PostgreSQL's identities start again.</summary>
    public static async Task EmptyAsync(DbContext context, CancellationToken cancellationToken)
    {
        var tables = string.Join(", ", context.Model.GetRelationalModel().Tables.Select(t => Quote(t.Name)));
        await using var truncate = context.Database.GetDbConnection().CreateCommand();
        truncate.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        truncate.CommandText = $"TRUNCATE {tables} RESTART IDENTITY CASCADE";
        await truncate.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> CountAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken cancellationToken)
    {
        await using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = $"SELECT count(*) FROM {Quote(table)}";
        return System.Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The column's value as the source keeps it, then as the model has it, then as the target keeps it.</summary>
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
