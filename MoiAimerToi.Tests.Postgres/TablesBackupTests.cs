using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Backups;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Media;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Backups;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Tests;

/// <summary>
/// A PostgreSQL site's backups where the machine has no <c>pg_dump</c> (<c>Backup:PostgresFormat=tables</c>, which
/// <c>auto</c> chooses there): the site's own export of every table in a SQLite file, and the <c>restore</c> command
/// putting it back on PostgreSQL, or on SQLite.
/// </summary>
public sealed class TablesBackupTests : IDisposable
{
    private static readonly Dictionary<string, string?> Tables = new() { ["Backup:PostgresFormat"] = BackupOptions.TablesFormat };

    private readonly BackupCopyTests _copies = new();
    private readonly string _copy = Folder("copy");
    private readonly string _restored = Folder("restored");

    private static string Folder(string name) => Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", $"tables-{name}-{Guid.NewGuid():N}");

    [Fact]
    public void Auto_Chooses_Pg_Dump_On_A_Machine_That_Has_It()
    {
        using var site = new AppFactory();
        Assert.NotNull(PostgresTools.Find("pg_dump"));
        Assert.Equal(BackupFile.PostgresExtension, site.Service<DatabaseSnapshot>().Extension);
    }

    [Fact]
    public Task Each_Export_Goes_Off_The_Machine_With_Every_File_And_Restore_Rebuilds_A_Working_Site_From_The_Copy() =>
        _copies.RoundTripAsync(_copy, new Dictionary<string, string?>(Tables));

    [Fact]
    public async Task An_Export_Holds_Every_Row_But_The_Key_Ring_And_Restore_Replaces_A_Site_With_It_Ids_Going_On()
    {
        await using var site = new AppFactory { Settings = { ["Backup:PostgresFormat"] = BackupOptions.TablesFormat } };
        await site.CreateBrowser().GetPageAsync("/login"); // The antiforgery token makes the key ring's first key.
        var api = site.CreateKeyClient();
        var memory = await AlbumApiTests.CreateMemoryAsync(api, "Noël à Québec", "2023-12-25");
        await AlbumApiTests.AddAsync(api, memory, TestImages.Jpeg(800, 600), "IMG_0004.JPG");
        // The newest id deleted: the sequence is past it, and a restored site must not give it again.
        var deleted = await AlbumApiTests.CreateMemoryAsync(api, "Effacé");
        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"/api/memories/{deleted}")).StatusCode);
        await AwkwardRows.AddAsync(site);
        var backup = await site.Service<BackupService>().BackupNowAsync();

        Assert.EndsWith(BackupFile.PostgresTablesExtension, backup.Path);
        var tables = await site.InScopeAsync(provider => Task.FromResult(provider.GetRequiredService<AppDbContext>().Model.GetRelationalModel().Tables
            .Select(t => t.Name).Where(t => t != "DataProtectionKeys").ToList()));
        Assert.Contains("Memories", tables);
        foreach (var table in tables)
        {
            Assert.Equal(await CountAsync(site.DataDirectory, table), await SqliteCountAsync(backup.Path, table));
        }

        Assert.NotEqual(0L, await CountAsync(site.DataDirectory, "DataProtectionKeys"));
        Assert.Empty(await SqliteRowsAsync(backup.Path, "SELECT name FROM sqlite_master WHERE name = 'DataProtectionKeys'"));
        var taken = Assert.Single(await SqliteRowsAsync(backup.Path, $"SELECT \"Title\", \"TakenOn\" FROM \"Memories\" WHERE \"Id\" = {memory}"));
        Assert.Equal(new object?[] { "Noël à Québec", "2023-12-25" }, taken);
        // As a SQLite site's model reads it: the passkey's JSON as SQLite's model writes it.
        await using (var file = SiteContexts.OnSqliteFile(site.Services, backup.Path))
        {
            await AwkwardRows.AssertKeptAsync(file);
        }

        // Into a new site from a copy holding only the snapshot: the memory is there, the admin signs in, and a new
        // memory gets the next id.
        CopyHolding(backup);
        var (code, output, errors) = await CommandProcess.RunAsync(_restored, Tables, "", "restore", _copy);
        Assert.True(code == 0, errors + output);
        int added;
        await using (var server = await ServerProcess.StartAsync(_restored))
        {
            using var client = await server.CreateApiClientAsync();
            var restored = JsonDocument.Parse(await client.GetStringAsync($"/api/memories/{memory}")).RootElement;
            Assert.Equal("Noël à Québec", restored.GetProperty("title").GetString());
            Assert.Equal("2023-12-25", restored.GetProperty("taken_on").GetString());
            added = await AlbumApiTests.CreateMemoryAsync(client, "Après la restauration");
            Assert.True(added > deleted, $"{added} was given before the backup.");
        }

        await using (var restored = SiteContexts.OnPostgres(site.Services, PostgresServer.Shared.DatabaseFor(_restored)))
        {
            await AwkwardRows.AssertKeptAsync(restored);
        }

        // Over that site, with --replace: its rows become the export's in one go, and the site as it was is kept aside,
        // its key ring beside it as a SQLite site keeps one.
        (code, output, errors) = await CommandProcess.RunAsync(_restored, Tables, "", "restore", _copy, "--replace");
        Assert.True(code == 0, errors + output);
        var aside = Assert.Single(Directory.GetDirectories(_restored, "before-restore-*"));
        var kept = Path.Combine(aside, "database" + BackupFile.PostgresTablesExtension);
        Assert.Single(await SqliteRowsAsync(kept, $"SELECT \"Id\" FROM \"Memories\" WHERE \"Id\" = {added}"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(aside, "keys"), "*.xml"));
        Assert.Empty(await TestDatabase.RowsAsync(_restored, $"SELECT \"Id\" FROM \"Memories\" WHERE \"Id\" = {added}"));
        // Its times to the microsecond, as UTC timestamptz.
        const string Times = "SELECT \"CreatedAt\", \"UpdatedAt\" FROM \"Memories\" WHERE \"Id\" = ";
        Assert.Equal(Assert.Single(await TestDatabase.RowsAsync(site.DataDirectory, Times + memory)), Assert.Single(await TestDatabase.RowsAsync(_restored, Times + memory)));
    }

    [Fact]
    public async Task A_Sqlite_Site_Is_Restored_From_A_PostgreSQL_Site_S_Export()
    {
        await using var site = new AppFactory { Settings = { ["Backup:PostgresFormat"] = BackupOptions.TablesFormat } };
        var memory = await AlbumApiTests.CreateMemoryAsync(site.CreateKeyClient(), "Retour à SQLite");
        CopyHolding(await site.Service<BackupService>().BackupNowAsync());

        var onSqlite = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = "" };
        var (code, output, errors) = await CommandProcess.RunAsync(_restored, onSqlite, "", "restore", _copy);

        Assert.True(code == 0, errors + output);
        Assert.True(File.Exists(Path.Combine(_restored, "moi_aimer_toi.db")));
        await using var server = await ServerProcess.StartAsync(_restored, new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = "" });
        using var client = await server.CreateApiClientAsync();
        var restored = JsonDocument.Parse(await client.GetStringAsync($"/api/memories/{memory}")).RootElement;
        Assert.Equal("Retour à SQLite", restored.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_Damaged_Export_Is_Refused_And_Leaves_The_Database_Without_Tables()
    {
        Directory.CreateDirectory(Path.Combine(_copy, "snapshots"));
        await File.WriteAllBytesAsync(
            Path.Combine(_copy, "snapshots", BackupFile.NameFor(DateTimeOffset.UtcNow, BackupFile.PostgresTablesExtension)), RandomNumberGenerator.GetBytes(8192));

        var (code, _, errors) = await CommandProcess.RunAsync(_restored, Tables, "", "restore", _copy);

        Assert.Equal(1, code);
        Assert.Contains("damaged", errors);
        Assert.Empty(await TestDatabase.RowsAsync(_restored, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"));
    }

    [Fact]
    public async Task An_Export_That_PostgreSQL_Refuses_Midway_Changes_Nothing_And_Says_Why()
    {
        await using var site = new AppFactory { Settings = { ["Backup:PostgresFormat"] = BackupOptions.TablesFormat } };
        var memory = await AlbumApiTests.CreateMemoryAsync(site.CreateKeyClient(), "Trop long, plus tard");
        var backup = await site.Service<BackupService>().BackupNowAsync();
        // A title longer than PostgreSQL's column takes: SQLite keeps it, and the copy fails in the middle.
        await using (var file = new SqliteConnection($"Data Source={backup.Path};Pooling=False"))
        {
            await file.OpenAsync();
            await TestDatabase.RowsAsync(file, $"UPDATE \"Memories\" SET \"Title\" = '{new string('a', 5000)}' WHERE \"Id\" = {memory}");
        }

        CopyHolding(backup);
        await using (var server = await ServerProcess.StartAsync(_restored))
        {
            await AlbumApiTests.CreateMemoryAsync(await server.CreateApiClientAsync(), "Déjà là");
        }

        var (code, _, errors) = await CommandProcess.RunAsync(_restored, Tables, "", "restore", _copy, "--replace");

        Assert.Equal(1, code);
        Assert.Contains("could not be put in place", errors);
        Assert.Contains("nothing was restored", errors);
        var titles = (await TestDatabase.RowsAsync(_restored, "SELECT \"Title\" FROM \"Memories\"")).Select(r => (string)r[0]!).ToList();
        Assert.Equal(["Déjà là"], titles);
        Assert.False(File.Exists(Path.Combine(_restored, "restore-under-way")));
    }

    [Fact]
    public async Task A_Sqlite_File_That_Is_Not_A_Site_S_Database_Is_Refused()
    {
        var snapshots = Directory.CreateDirectory(Path.Combine(_copy, "snapshots")).FullName;
        await using (var other = new SqliteConnection($"Data Source={Path.Combine(snapshots, BackupFile.NameFor(DateTimeOffset.UtcNow, BackupFile.PostgresTablesExtension))};Pooling=False"))
        {
            await other.OpenAsync();
            await TestDatabase.RowsAsync(other, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('courses')");
        }

        var (code, _, errors) = await CommandProcess.RunAsync(_restored, Tables, "", "restore", _copy);

        Assert.Equal(1, code);
        Assert.Contains("not a database of this site", errors);
        Assert.Empty(await TestDatabase.RowsAsync(_restored, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"));
    }

    /// <summary>A copy of the backups that holds this one snapshot, as <c>Backup:CopyTo</c> lays it out.</summary>
    private void CopyHolding(BackupFile backup)
    {
        var snapshots = Directory.CreateDirectory(Path.Combine(_copy, "snapshots")).FullName;
        File.Copy(backup.Path, Path.Combine(snapshots, Path.GetFileName(backup.Path)));
    }

    private static async Task<long> CountAsync(string dataDirectory, string table) =>
        (long)Assert.Single(await TestDatabase.RowsAsync(dataDirectory, $"SELECT count(*) FROM \"{table}\""))[0]!;

    private static async Task<long> SqliteCountAsync(string file, string table) =>
        (long)Assert.Single(await SqliteRowsAsync(file, $"SELECT count(*) FROM \"{table}\""))[0]!;

    private static async Task<List<object?[]>> SqliteRowsAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return await TestDatabase.RowsAsync(connection, sql);
    }

    public void Dispose()
    {
        _copies.Dispose();
        foreach (var folder in new[] { _copy, _restored })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }

        PostgresServer.Shared.Drop(_restored);
    }
}
