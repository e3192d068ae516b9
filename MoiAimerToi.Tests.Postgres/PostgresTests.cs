using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Backups;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Storage;
using Npgsql;

namespace MoiAimerToi.Tests;

/// <summary>What only PostgreSQL has: its column types, and a server that can restart while the site runs.</summary>
public class PostgresTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Every_Time_Is_A_Timestamptz_And_One_Of_Unknown_Kind_Is_Kept_As_Utc()
    {
        var written = new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Unspecified);
        var id = await factory.InScopeAsync(async provider =>
        {
            var db = provider.GetRequiredService<AppDbContext>();
            var memory = new Memory { Title = "Heure d’été", CreatedAt = written, UpdatedAt = written.ToLocalTime() };
            db.Memories.Add(memory);
            await db.SaveChangesAsync();
            return memory.Id;
        });

        var read = await factory.InScopeAsync(provider => provider.GetRequiredService<AppDbContext>().Memories.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(DateTimeKind.Utc, read.CreatedAt.Kind);
        Assert.Equal(written, DateTime.SpecifyKind(read.CreatedAt, DateTimeKind.Unspecified));
        Assert.Equal(written.ToLocalTime().ToUniversalTime(), read.UpdatedAt);

        var types = await factory.InScopeAsync(provider => provider.GetRequiredService<AppDbContext>().Database
            .SqlQueryRaw<string>("SELECT DISTINCT data_type AS \"Value\" FROM information_schema.columns WHERE table_schema = 'public' AND data_type LIKE 'timestamp%'")
            .ToListAsync());
        Assert.Equal(["timestamp with time zone"], types);
    }

    [Fact]
    public async Task The_Accent_Blind_Search_Reads_Titles_Through_PostgreSQL_s_Unaccent()
    {
        // ø and æ inside a word: unaccent's rules take them off, .NET's decomposition (SQLite's SearchText) does not.
        var id = await factory.InScopeAsync(async provider =>
            (await provider.GetRequiredService<MemoryService>().CreateAsync(new MemoryInput("Søren à Ærøskøbing", "Le ferry de Svendborg", null), null, null)).Value!.Id);

        var found = await factory.InScopeAsync(provider => provider.GetRequiredService<MemoryService>().PageAsync(new MemoryQuery("soren AEROSKOBING")));

        Assert.Equal([id], found.Memories.Select(m => m.Id));
        var extensions = await TestDatabase.RowsAsync(factory.DataDirectory, "SELECT extname FROM pg_extension WHERE extname = 'unaccent'");
        Assert.Single(extensions);
    }

    [Fact]
    public async Task A_Backup_Is_A_Pg_Dump_Archive_That_Pg_Restore_Puts_Back_Into_An_Empty_Database()
    {
        var backup = await factory.Service<BackupService>().BackupNowAsync();
        Assert.EndsWith(BackupFile.PostgresExtension, backup.Path);

        var elsewhere = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", Guid.NewGuid().ToString("N"));
        var connectionString = PostgresServer.Shared.DatabaseFor(elsewhere);
        try
        {
            await PostgresTools.RunAsync("pg_restore", connectionString,
                ["--no-owner", $"--dbname={new NpgsqlConnectionStringBuilder(connectionString).Database}", backup.Path], CancellationToken.None);
            var message = Assert.Single(await TestDatabase.RowsAsync(elsewhere, "SELECT \"HomeMessage\" FROM \"CoupleData\""));
            Assert.StartsWith("Bienvenue", (string)message[0]!);
        }
        finally
        {
            PostgresServer.Shared.Drop(elsewhere);
        }
    }

    [Fact]
    public async Task A_Backup_Leaves_The_Key_Ring_Out_And_The_Database_Kept_Aside_Before_A_Restore_Keeps_It()
    {
        // The login form's antiforgery token makes the first key.
        await factory.CreateBrowser().GetPageAsync("/login");
        var keyRing = await TestDatabase.RowsAsync(factory.DataDirectory, "SELECT \"FriendlyName\", \"Xml\" FROM \"DataProtectionKeys\" ORDER BY \"Id\"");
        Assert.NotEmpty(keyRing);
        var snapshot = factory.Service<DatabaseSnapshot>();
        var folder = Path.Combine(factory.DataDirectory, "aside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var backup = Path.Combine(folder, "backup" + BackupFile.PostgresExtension);

        await snapshot.WriteAsync(backup, CancellationToken.None);
        await snapshot.MoveAsideAsync(folder);

        Assert.Empty(await KeyRingRestoredFromAsync(backup));
        Assert.Equal(keyRing, await KeyRingRestoredFromAsync(Path.Combine(folder, "database" + BackupFile.PostgresExtension)));
    }

    [Fact]
    public async Task Restore_Counts_A_Database_As_The_Sites_When_A_Table_Holds_A_Row_With_Or_Without_Its_Migrations_History()
    {
        var backup = await factory.Service<BackupService>().BackupNowAsync();
        var elsewhere = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", Guid.NewGuid().ToString("N"));
        var connectionString = PostgresServer.Shared.DatabaseFor(elsewhere);
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var options = new DatabaseOptions();
        options.ReadFrom(new ConfigurationBuilder().AddInMemoryCollection(TestDatabase.SettingsFor(elsewhere)).Build());
        var snapshot = new DatabaseSnapshot(factory.Service<DataPaths>(), Options.Create(options), Options.Create(new BackupOptions()), new PostgresTables(factory.Services, Options.Create(options)));
        try
        {
            Assert.False(await snapshot.ExistsAsync());

            // The site's tables, migrations history included, and not a row: nothing a restore would lose.
            await PostgresTools.RunAsync("pg_restore", connectionString, ["--no-owner", "--schema-only", $"--dbname={database}", backup.Path], CancellationToken.None);
            Assert.False(await snapshot.ExistsAsync());

            await PostgresTools.RunAsync("pg_restore", connectionString, ["--no-owner", "--data-only", $"--dbname={database}", backup.Path], CancellationToken.None);
            Assert.True(await snapshot.ExistsAsync());

            // The couple's rows without their history are still theirs: pg_restore --clean would drop them.
            await TestDatabase.RowsAsync(elsewhere, "DROP TABLE \"__EFMigrationsHistory\"");
            Assert.True(await snapshot.ExistsAsync());
        }
        finally
        {
            PostgresServer.Shared.Drop(elsewhere);
        }
    }

    [Fact]
    public async Task A_Server_Restarting_Under_Load_Fails_Requests_Cleanly_And_The_Site_Recovers_Without_A_Restart()
    {
        await using var server = await PostgresServer.StartAsync();
        using var site = new AppFactory();
        site.Settings["ConnectionStrings:Postgres"] = server.DatabaseFor(site.DataDirectory);
        var key = site.CreateKeyClient();
        var created = new ConcurrentBag<int>();
        var failed = 0;
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var response = await key.PostAsJsonAsync("/api/memories", new { title = $"Écrit {writer}-{i}", description = "pendant le redémarrage" });
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    created.Add((await response.JsonAsync()).GetProperty("id").GetInt32());
                }
                else
                {
                    // An error the client can read, not a hang nor a half-made memory.
                    Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToList();

        await Eventually.TrueAsync(() => Task.FromResult(created.Count >= 20), "memories are written before the restart", TimeSpan.FromSeconds(60));
        await server.RestartAsync();
        var afterRestart = created.Count;
        await Eventually.TrueAsync(() => Task.FromResult(created.Count >= afterRestart + 20), "the site writes again after the restart, without one of its own", TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(failed > 0, "The restart came between requests: nothing was tested.");
        var kept = await site.InScopeAsync(provider => provider.GetRequiredService<AppDbContext>().Memories.ToListAsync());
        Assert.Subset(kept.Select(m => m.Id).ToHashSet(), created.ToHashSet());
        Assert.All(kept, memory => Assert.Equal("pendant le redémarrage", memory.Description));
        Assert.Equal(HttpStatusCode.OK, (await site.CreateBrowser().GetAsync("/readyz")).StatusCode);
        Assert.DoesNotContain(site.Logs.Lines, line => line.Contains(server.Password));
    }

    [Fact]
    public async Task A_Server_That_Is_Down_Gives_Clear_Errors_Naming_No_Credential()
    {
        var server = await PostgresServer.StartAsync();
        using var site = new ProductionAppFactory();
        site.Settings["ConnectionStrings:Postgres"] = server.DatabaseFor(site.DataDirectory);
        var visitor = site.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/readyz")).StatusCode);

        await server.DisposeAsync();

        var ready = await visitor.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var page = await visitor.GetAsync("/memories");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        foreach (var text in new[] { await ready.Content.ReadAsStringAsync(), await page.Content.ReadAsStringAsync() }.Concat(site.Logs.Lines))
        {
            Assert.DoesNotContain(server.Password, text);
            Assert.DoesNotContain("Password=", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Outside_Development_The_Start_Is_Refused_Without_A_Jwt_Secret_Saying_Why()
    {
        using var site = new ProductionAppFactory();
        site.Settings["BACKEND_JWT_SECRET"] = "";

        var refused = Assert.ThrowsAny<Microsoft.Extensions.Options.OptionsValidationException>(() => site.Services);

        Assert.Contains("On PostgreSQL, BACKEND_JWT_SECRET (or Api:JwtSecret) must be set", refused.Message);
    }

    /// <summary>The key ring's rows of an archive, put into an empty database of their own.</summary>
    private static async Task<List<object?[]>> KeyRingRestoredFromAsync(string archive)
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", Guid.NewGuid().ToString("N"));
        var connectionString = PostgresServer.Shared.DatabaseFor(elsewhere);
        try
        {
            await PostgresTools.RunAsync("pg_restore", connectionString,
                ["--no-owner", $"--dbname={new NpgsqlConnectionStringBuilder(connectionString).Database}", archive], CancellationToken.None);
            return await TestDatabase.RowsAsync(elsewhere, "SELECT \"FriendlyName\", \"Xml\" FROM \"DataProtectionKeys\" ORDER BY \"Id\"");
        }
        finally
        {
            PostgresServer.Shared.Drop(elsewhere);
        }
    }
}
