using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Media;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Tests;

/// <summary>
/// <c>move-to-postgres</c>: a running SQLite site copied into a new PostgreSQL database and a bucket, checked, and a
/// site started there serving what the first one had; the first one unchanged.
/// </summary>
public sealed class MoveToPostgresTests : IAsyncLifetime
{
    /// <summary>The source is a SQLite site: an empty connection string falls through to SQLite.</summary>
    private static readonly Dictionary<string, string?> OnSqlite = new() { ["ConnectionStrings:Postgres"] = "" };

    private readonly string _target = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", "moved-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    [S3Fact]
    public async Task A_Running_Sqlite_Site_Moves_Into_PostgreSQL_And_A_Bucket_Checked_And_Is_Itself_Unchanged()
    {
        await using var site = new AppFactory();
        foreach (var (key, value) in OnSqlite)
        {
            site.Settings[key] = value;
        }

        var api = site.CreateKeyClient();
        var memory = await AlbumApiTests.CreateMemoryAsync(api, "Déménagement à Lyon", "2024-05-01");
        await AlbumApiTests.AddAsync(api, memory, TestImages.Jpeg(1200, 800), "IMG_0003.JPG");
        await AlbumApiTests.CreateMemoryAsync(api, "Sans photo");
        var home = await api.SendAsync(HttpMethod.Put, "/api/couple-data/home-message", new { home_message = "Chez nous, où que ce soit" });
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        // The newest id deleted (SQLite's sqlite_sequence is past it), and rows each database keeps its own way.
        var deleted = await AlbumApiTests.CreateMemoryAsync(api, "Effacé avant le départ");
        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"/api/memories/{deleted}")).StatusCode);
        await AwkwardRows.AddAsync(site);
        var before = await SourceAsync(site.DataDirectory);
        var bucket = await (await S3Server.SharedAsync()).NewBucketAsync();
        var settings = new Dictionary<string, string?>(OnSqlite);
        foreach (var (key, value) in bucket.Where(s => s.Key.StartsWith("S3:", StringComparison.Ordinal)))
        {
            settings[key] = value;
        }

        var into = PostgresServer.Shared.DatabaseFor(_target);
        var (code, output, errors) = await CommandProcess.RunAsync(site.DataDirectory, settings, "", "move-to-postgres", "--to", into);

        Assert.True(code == 0, errors + output);
        Assert.Contains("Memories: 2 rows, 2 in PostgreSQL", output);
        Assert.Contains("4 copied to s3://", output);
        Assert.DoesNotContain(PostgresServer.Shared.Password, output + errors);
        Assert.Equal(before, await SourceAsync(site.DataDirectory));

        // A site on PostgreSQL and the bucket, its data directory new: the memories, the photo, the admin's password.
        await using (var moved = await ServerProcess.StartAsync(_target, bucket.ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!)))
        {
            using var client = await moved.CreateApiClientAsync();
            var list = JsonDocument.Parse(await client.GetStringAsync("/api/memories")).RootElement;
            Assert.Equal(["Déménagement à Lyon", "Sans photo"], list.EnumerateArray().Select(m => m.GetProperty("title").GetString()).Order());
            var photo = JsonDocument.Parse(await client.GetStringAsync($"/api/memories/{memory}")).RootElement.GetProperty("media")[0];
            var served = await client.GetByteArrayAsync(photo.GetProperty("url").GetString());
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(site.DataDirectory, "uploads", Path.GetFileName(photo.GetProperty("url").GetString()!))), served);
            Assert.Contains("Chez nous, où que ce soit", (await client.GetPageAsync("/")).Text("#home-message"));
            // New rows take ids after the moved ones.
            var created = await AlbumApiTests.CreateMemoryAsync(client, "Le premier sur PostgreSQL");
            Assert.True(created > deleted, $"{created} was given on SQLite already.");
        }

        await using (var moved = SiteContexts.OnPostgres(site.Services, into))
        {
            await AwkwardRows.AssertKeptAsync(moved);
        }

        Assert.Empty(Directory.GetFiles(Path.Combine(_target, "uploads")));

        // Once there, a second move is refused: nothing is merged into a database that has rows.
        (code, _, errors) = await CommandProcess.RunAsync(site.DataDirectory, settings, "", "move-to-postgres", "--to", into);
        Assert.Equal(1, code);
        Assert.Contains("not empty", errors);
    }

    [Fact]
    public async Task A_Bad_Address_Is_Refused_Saying_What_Is_Wrong_Without_The_Password()
    {
        var data = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", "move-bad-" + Guid.NewGuid().ToString("N"));

        var (code, _, errors) = await CommandProcess.RunAsync(data, OnSqlite, "", "move-to-postgres", "--to", "postgres://moi:s3cr3t-pass@db.example:notaport/moi");

        Assert.Equal(2, code);
        Assert.Contains("--to", errors);
        Assert.DoesNotContain("s3cr3t-pass", errors);
    }

    /// <summary>What the source holds: each table's rows, and every file with its SHA-256.</summary>
    private static async Task<string> SourceAsync(string dataDirectory)
    {
        var lines = new List<string>();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "moi_aimer_toi.db")};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT count(*) FROM \"{table}\"";
                lines.Add($"{table} {await count.ExecuteScalarAsync()}");
            }
        }

        foreach (var folder in new[] { "uploads", "originals", "keys" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(dataDirectory, folder)).Order())
            {
                lines.Add($"{folder}/{Path.GetFileName(file)} {Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(file)))}");
            }
        }

        return string.Join("\n", lines);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_target, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        return Task.CompletedTask;
    }
}
