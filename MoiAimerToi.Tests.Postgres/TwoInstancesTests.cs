using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Media;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Tests;

/// <summary>
/// Two site processes on one PostgreSQL database (and, until files go to a bucket, one data directory, as a shared
/// volume): both start at once on an empty database, a sign-in and a form made by one work on the other, a write on
/// one is seen on the other at once, a job runs on one at a time, and killing one mid-job lets the other finish it.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly string _data = Folder("two");
    private readonly List<string> _folders = [];
    private readonly List<ServerProcess> _servers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_Instances_Starting_At_Once_On_An_Empty_Database_Both_Come_Up_With_One_Couple_And_One_Admin()
    {
        var starting = new[] { ServerProcess.StartAsync(_data), ServerProcess.StartAsync(_data) };
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            _servers.AddRange(starting.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
        }

        Assert.Single(await TestDatabase.RowsAsync(_data, "SELECT 1 FROM \"CoupleData\""));
        Assert.Single(await TestDatabase.RowsAsync(_data, "SELECT 1 FROM \"AspNetUsers\""));
    }

    [Fact]
    public async Task A_Form_From_One_Signs_In_On_The_Other_And_The_Cookie_Works_On_Both()
    {
        // Each its own data directory: a key ring left in keys/ would not be shared, only the database's is.
        var otherData = Folder("two-other");
        _folders.Add(otherData);
        var firstServer = await StartAsync(_data);
        var secondServer = await StartAsync(otherData, new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = PostgresServer.Shared.DatabaseFor(_data),
        });
        var jar = new CookieContainer();
        using var first = Browser(firstServer, jar);
        using var second = Browser(secondServer, jar);

        // The login form (and its antiforgery token) made by the first, sent to the second.
        var login = await first.GetPageAsync("/login");
        var signedIn = await second.SubmitAsync(login.Form("form[action^='/login']"), new Dictionary<string, string>
        {
            ["Input.UserName"] = Infrastructure.Accounts.AdminUser,
            ["Input.Password"] = Infrastructure.Accounts.AdminPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_Write_On_One_Empties_The_Visitors_Pages_Of_The_Other_At_Once()
    {
        var (firstServer, secondServer) = await StartBothAsync();
        using var visitor = secondServer.CreateClient();
        Assert.Contains("Bienvenue", (await visitor.GetPageAsync("/")).Text("#home-message"));

        // A change made in the database behind the sites' back empties no cache: the second keeps serving its copy.
        await using (var connection = await TestDatabase.OpenAsync(_data))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE \"CoupleData\" SET \"HomeMessage\" = 'Écrit dans la base'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.Contains("Bienvenue", (await visitor.GetPageAsync("/")).Text("#home-message"));

        using var api = await firstServer.CreateApiClientAsync();
        var written = await api.PutAsJsonAsync("/api/couple-data/home-message", new { home_message = "Écrit sur la première" });
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);

        // Well before the cached page's own end (PageCache.Lifetime, 10 s).
        await Eventually.TrueAsync(async () => (await visitor.GetPageAsync("/")).Text("#home-message").Contains("Écrit sur la première"),
            "the second's cached home page goes with the first's write", TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_Job_Lease_Is_Held_By_One_Instance_And_Taken_Over_When_Its_Holder_Dies()
    {
        var options = Options.Create(DatabaseOptionsFor(_data));
        var one = new JobLeases(options, NullLogger<JobLeases>.Instance);
        var other = new JobLeases(options, NullLogger<JobLeases>.Instance);

        await using var held = await one.TryTakeAsync("test-job", CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await other.TryTakeAsync("test-job", CancellationToken.None));

        // Its holder's session ends (a dropped connection, a server restart): the server drops the lock with it. Only this
        // test's database: the server is shared with the tests running alongside.
        await using (var connection = await TestDatabase.OpenAsync(_data))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND a.datname = current_database() AND l.pid <> pg_backend_pid()
                """;
            Assert.NotNull(await command.ExecuteScalarAsync());
        }

        JobLeases.Lease? taken = null;
        await Eventually.TrueAsync(async () => (taken = await other.TryTakeAsync("test-job", CancellationToken.None)) is not null,
            "the other instance takes the job over", TimeSpan.FromSeconds(10));
        await using (taken)
        {
            var takenAt = DateTime.UtcNow;

            // The holder learns it at its next check, and its work is told to stop.
            await Eventually.TrueAsync(() => Task.FromResult(held.Token.IsCancellationRequested),
                "the lost lease's token is cancelled", JobLeases.CheckEvery * 2);

            // A lease whose connection answers is kept past its checks.
            var left = takenAt + JobLeases.CheckEvery * 1.5 - DateTime.UtcNow;
            await Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            Assert.False(taken!.Token.IsCancellationRequested);
        }
    }

    [Fact]
    public async Task Killing_The_Instance_Preparing_A_Video_Lets_The_Other_Finish_It()
    {
        var (firstServer, secondServer) = await StartBothAsync();
        // Long enough to transcode that the kill lands during it.
        var video = TestVideos.Make(".mov", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-t", "10",
            "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1");
        using var api = await firstServer.CreateApiClientAsync();
        var memory = (await (await api.PostAsJsonAsync("/api/memories", new { title = "Deux à la fois" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using (var form = AlbumApiTests.FileForm(video, "IMG_0200.MOV"))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"/api/memories/{memory}/media", form)).StatusCode);
        }

        await Task.Delay(500);
        await firstServer.KillAsync();

        using var reader = secondServer.CreateClient();
        async Task<string?> StatusAsync() =>
            JsonDocument.Parse(await reader.GetStringAsync($"/api/memories/{memory}")).RootElement.GetProperty("media").EnumerateArray().Single().GetProperty("status").GetString();

        // Not done when the first died (the second takes it only at its next round): the second has work to take over.
        Assert.Equal("processing", await StatusAsync());
        await Eventually.TrueAsync(async () => await StatusAsync() == "ready",
            "the second instance prepares the video the first was preparing", TimeSpan.FromSeconds(150));
    }

    private static string Folder(string name) => Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", name + "-" + Guid.NewGuid().ToString("N"));

    private async Task<ServerProcess> StartAsync(string dataDirectory, IDictionary<string, string>? environment = null)
    {
        var server = await ServerProcess.StartAsync(dataDirectory, environment);
        _servers.Add(server);
        return server;
    }

    /// <summary>One after the other, on the one data directory and its database.</summary>
    private async Task<(ServerProcess First, ServerProcess Second)> StartBothAsync() => (await StartAsync(_data), await StartAsync(_data));

    private static HttpClient Browser(ServerProcess server, CookieContainer jar) =>
        new(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };

    private static DatabaseOptions DatabaseOptionsFor(string dataDirectory)
    {
        var options = new DatabaseOptions();
        options.ReadFrom(new ConfigurationBuilder()
            .AddInMemoryCollection(TestDatabase.SettingsFor(dataDirectory)).Build());
        return options;
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        foreach (var folder in _folders.Append(_data))
        {
            TestDatabase.Forget(folder);
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
