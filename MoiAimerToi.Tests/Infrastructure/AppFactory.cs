using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh temporary data directory, with the real migrations, on SQLite or PostgreSQL (<see cref="TestDatabase"/>).
/// Each test class gets its own (xunit's <c>IClassFixture</c>), so no state is shared between classes.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public AppFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    public string Environment { get; init; } = "Development";

    /// <summary>Configuration over appsettings; rate limits are lifted so tests may sign in often, except where a test sets them.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["RateLimits:LoginPerMinute"] = "1000",
        ["RateLimits:UploadsPerMinute"] = "1000",
    };

    public TestClock Clock { get; } = new();

    /// <summary>Every line the app logged, to check that no secret ever reaches a log.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            var settings = TestDatabase.SettingsFor(DataDirectory);
            foreach (var (key, value) in Settings)
            {
                settings[key] = value;
            }

            settings["Storage:DataDirectory"] = DataDirectory;
            configuration.AddInMemoryCollection(settings);
        });
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }

    /// <summary>
    /// Started, and its database ready, before a test uses it: requests wait for the database themselves, but a
    /// test that calls the services directly must not race the start-up's work (the sweep of unreferenced photos).
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<DatabaseStartup>().Ready.GetAwaiter().GetResult();
        return host;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can assert them.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(Environment == "Development" ? "http://localhost" : "https://localhost"),
    });

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            TestDatabase.Forget(DataDirectory);
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the OS is left to the temp folder's own cleaning.
            }
        }
    }
}

/// <summary>A clock the tests can set; by default it runs with the real time.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _fixed;

    public override DateTimeOffset GetUtcNow() => _fixed ?? System.GetUtcNow();

    public void Set(DateTimeOffset now) => _fixed = now;
}
