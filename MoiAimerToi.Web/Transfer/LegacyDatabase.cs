using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MoiAimerToi.Web.Transfer;

/// <summary>The old Flask site's rows, as they are: any column may be missing a value or hold the wrong type.</summary>
public sealed record LegacyData(LegacyCouple? Couple, IReadOnlyList<LegacyMemory> Memories, IReadOnlyList<LegacyPerspective> Perspectives);

public sealed record LegacyCouple(string? StartDate, string? HomeMessage, string? IntroText);

public sealed record LegacyMemory(long Id, string? Title, string? Description, string? PhotoUrl, string? CreatedAt);

public sealed record LegacyPerspective(long Id, string? Number, string? Content, string? UpdatedAt);

/// <summary>Reads the old <c>moi_aimer_toi.db</c> (tables in <c>api-contract.md</c>), read-only: the file is never changed.</summary>
public static class LegacyDatabase
{
    /// <exception cref="SqliteException">Not a SQLite file, or not the old site's tables.</exception>
    public static async Task<LegacyData> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The old database file does not exist.", path);
        }

        // Not pooled, so the file is let go at once (it may be a temporary copy about to be deleted).
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        var couple = (await QueryAsync(connection, "SELECT start_date, home_message, intro_text FROM couple_data ORDER BY id LIMIT 1",
            row => new LegacyCouple(row(0), row(1), row(2)), cancellationToken)).SingleOrDefault();
        var memories = await QueryAsync(connection, "SELECT id, title, description, photo_url, created_at FROM memories ORDER BY created_at, id",
            row => new LegacyMemory(long.Parse(row(0)!, CultureInfo.InvariantCulture), row(1), row(2), row(3), row(4)), cancellationToken);
        var perspectives = await QueryAsync(connection, "SELECT id, perspective_number, content, updated_at FROM perspectives ORDER BY id",
            row => new LegacyPerspective(long.Parse(row(0)!, CultureInfo.InvariantCulture), row(1), row(2), row(3)), cancellationToken);
        return new LegacyData(couple, memories, perspectives);
    }

    /// <summary>An old timestamp (<c>2024-07-14 10:23:45</c>, ISO 8601 with or without fraction, or Unix seconds) as UTC.</summary>
    public static DateTime? ParseTimestamp(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 32_503_680_000)
        {
            return DateTime.UnixEpoch.AddSeconds(Math.Floor(seconds));
        }

        return DateTime.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
    }

    private static async Task<List<T>> QueryAsync<T>(
        SqliteConnection connection, string sql, Func<Func<int, string?>, T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}
