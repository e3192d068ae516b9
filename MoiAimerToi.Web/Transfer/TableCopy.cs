using System.Data.Common;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MoiAimerToi.Web.Transfer;

/// <summary>What one table held on each side after a copy.</summary>
public sealed record CopiedTable(string Name, long Source, long Target);

/// <summary>
/// Every row of every table of the site's model, from one database into another made by the same model (SQLite into
/// PostgreSQL for a move, PostgreSQL into a SQLite file and back for a backup without <c>pg_dump</c>), ids kept: each
/// value read as the source's mapping stores it, turned back into the model's value, and written as the target's
/// mapping stores it (a time as a UTC <c>timestamptz</c> on PostgreSQL); a table with a JSON column goes through both
/// contexts instead. Parents before children, so that every foreign key holds as rows go in; each table's next id is
/// then after the highest id the source ever gave (an id is never given twice). The key ring's table, which only
/// PostgreSQL's model has, is left out when the target has no such table.
/// </summary>
public static class TableCopy
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;
    private static readonly MethodInfo SetOf = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

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

            // A JSON column (an owned type stored as JSON) is written by each database's model its own way (bytes as hex
            // or base64, times with or without a T): its table goes through the models, row by row.
            var rows = table.Columns.Any(c => Mapping(c) is null)
                ? await CopyThroughModelsAsync(source, target, table, cancellationToken)
                : await CopyValuesAsync(from, reading, into, writing, table, intoTable, cancellationToken);
            if (Identity(table) is { } identity)
            {
                await KeepHighWaterAsync(into, writing, intoTable, identity.Name, await HighWaterAsync(from, reading, table, identity.Name, cancellationToken), cancellationToken);
            }

            copied.Add(new CopiedTable(table.Name, rows, await CountAsync(into, writing, table.Name, cancellationToken)));
        }

        return copied;
    }

    /// <summary>The table's rows as values, each through both mappings, with one prepared insert.</summary>
    private static async Task<long> CopyValuesAsync(
        DbConnection from, DbTransaction? reading, DbConnection into, DbTransaction writing, ITable table, ITable intoTable, CancellationToken cancellationToken)
    {
        var columns = table.Columns.ToList();
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        await using var insert = into.CreateCommand();
        insert.Transaction = writing;
        insert.CommandText = $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var mappings = columns.Select(c => (From: Mapping(c)!, To: Mapping(intoTable.FindColumn(c.Name)
            ?? throw new InvalidOperationException($"The column {table.Name}.{c.Name} is not in the target's model."))!)).ToList();
        for (var i = 0; i < columns.Count; i++)
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            insert.Parameters.Add(parameter);
        }

        await using var select = from.CreateCommand();
        select.Transaction = reading;
        select.CommandText = $"SELECT {names} FROM {Quote(table.Name)} ORDER BY {string.Join(", ", table.PrimaryKey!.Columns.Select(c => Quote(c.Name)))}";
        long rows = 0;
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                insert.Parameters[i].Value = reader.IsDBNull(i) ? DBNull.Value : Convert(reader, i, mappings[i].From, mappings[i].To);
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
            rows++;
        }

        return rows;
    }

    /// <summary>The table's rows as the model's objects: read by the source's context, written by the target's.</summary>
    private static async Task<long> CopyThroughModelsAsync(DbContext source, DbContext target, ITable table, CancellationToken cancellationToken)
    {
        var entity = table.EntityTypeMappings.Select(m => m.TypeBase).OfType<IEntityType>().Single(e => !e.IsOwned());
        var rows = (IQueryable<object>)SetOf.MakeGenericMethod(entity.ClrType).Invoke(source, null)!;
        long count = 0;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            target.Add(row);
            count++;
        }

        await target.SaveChangesAsync(cancellationToken);
        target.ChangeTracker.Clear();
        source.ChangeTracker.Clear();
        return count;
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
    private static object Convert(DbDataReader reader, int ordinal, RelationalTypeMapping from, RelationalTypeMapping to)
    {
        var provider = from.Converter?.ProviderClrType ?? from.ClrType;
        provider = Nullable.GetUnderlyingType(provider) ?? provider;
        var stored = GetFieldValue.MakeGenericMethod(provider.IsEnum ? Enum.GetUnderlyingType(provider) : provider).Invoke(reader, [ordinal])!;
        var value = from.Converter is { } read ? read.ConvertFromProvider(stored)! : provider.IsEnum ? Enum.ToObject(provider, stored) : stored;
        // A timestamptz takes an offset of zero only.
        value = value is DateTimeOffset time ? time.ToUniversalTime() : value;
        return to.Converter is { } write ? write.ConvertToProvider(value)! : value;
    }

    private static RelationalTypeMapping? Mapping(IColumn column) => column.PropertyMappings.FirstOrDefault()?.TypeMapping;

    /// <summary>The table's generated id column, if it has one (its single key, numbered by the database).</summary>
    private static IColumn? Identity(ITable table) =>
        table.PrimaryKey?.Columns is [var key] && key.PropertyMappings.Any(p => p.Property.ValueGenerated == ValueGenerated.OnAdd && (p.Property.ClrType == typeof(int) || p.Property.ClrType == typeof(long)))
            ? key
            : null;

    /// <summary>
    /// The highest id the source's database ever gave in the table (PostgreSQL's sequence, SQLite's
    /// <c>sqlite_sequence</c>), which may be above the highest id left: an id given once is never given again.
    /// </summary>
    private static async Task<long> HighWaterAsync(DbConnection connection, DbTransaction? transaction, ITable table, string column, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = connection is NpgsqlConnection
            ? $"SELECT COALESCE(pg_sequence_last_value(pg_get_serial_sequence('{Quote(table.Name)}', '{column}')::regclass), 0)"
            : $"SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table.Name}'), 0)";
        return System.Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The target's next id after both the highest copied and the source's high-water mark.</summary>
    private static async Task KeepHighWaterAsync(DbConnection connection, DbTransaction transaction, ITable table, string column, long highWater, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var highest = $"(SELECT COALESCE(MAX({Quote(column)}), 0) FROM {Quote(table.Name)})";
        command.CommandText = connection is NpgsqlConnection
            ? $"SELECT setval(pg_get_serial_sequence('{Quote(table.Name)}', '{column}'), GREATEST(@high, {highest}) + 1, false)"
            // SQLite keeps the highest id it gave in sqlite_sequence (rows inserted with their ids already raised it).
            : $"""
               UPDATE sqlite_sequence SET seq = MAX(seq, @high) WHERE name = '{table.Name}';
               INSERT INTO sqlite_sequence (name, seq) SELECT '{table.Name}', @high WHERE @high > 0 AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '{table.Name}');
               """;
        var high = command.CreateParameter();
        high.ParameterName = "@high";
        high.Value = highWater;
        command.Parameters.Add(high);
        await command.ExecuteNonQueryAsync(cancellationToken);
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
