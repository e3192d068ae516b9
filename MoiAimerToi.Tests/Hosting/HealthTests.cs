using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Backups;

namespace MoiAimerToi.Tests.Hosting;

/// <summary>Each test starts its own site, because each moves its clock and its backups.</summary>
public class HealthTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Alive_Says_Only_That_The_Process_Answers()
    {
        await using var factory = new AppFactory();

        var (status, body) = await GetAsync(factory, "/healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Ready_Checks_The_Database_The_Data_Folder_The_Files_And_The_Backups()
    {
        await using var factory = new AppFactory();
        factory.Clock.Set(Start);
        await factory.Service<BackupScheduler>().StartupCheck.WaitAsync(TimeSpan.FromSeconds(30));

        var (status, body) = await GetAsync(factory, "/readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(["backups", "data folder", "database", "files"], body.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
        Assert.All(body.GetProperty("checks").EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Ready_Is_Degraded_But_Still_200_Once_The_Newest_Backup_Is_Older_Than_Two_Intervals()
    {
        await using var factory = new AppFactory();
        factory.Clock.Set(Start);
        await factory.Service<BackupScheduler>().StartupCheck.WaitAsync(TimeSpan.FromSeconds(30));

        factory.Clock.Set(Start.AddHours(47));
        Assert.Equal("Healthy", (await GetAsync(factory, "/readyz")).Body.GetProperty("status").GetString());

        factory.Clock.Set(Start.AddHours(49));
        var (status, body) = await GetAsync(factory, "/readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Contains("49 h ago", body.GetProperty("checks").GetProperty("backups").GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_Site_Without_Any_Backup_Yet_Is_Healthy_For_Its_First_Two_Intervals()
    {
        await using var factory = new AppFactory();
        factory.Clock.Set(Start);
        await factory.Service<BackupScheduler>().StartupCheck.WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var backup in Directory.GetFiles(Path.Combine(factory.DataDirectory, "backups")))
        {
            File.Delete(backup);
        }

        factory.Clock.Set(Start.AddHours(47));
        Assert.Equal("Healthy", (await GetAsync(factory, "/readyz")).Body.GetProperty("status").GetString());
        factory.Clock.Set(Start.AddHours(49));
        Assert.Equal("Degraded", (await GetAsync(factory, "/readyz")).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_Failing_Check_Makes_Ready_Answer_503()
    {
        await using var factory = new FailingCheckSite();

        var (status, body) = await GetAsync(factory, "/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/healthz")).Status);
    }

    [Fact]
    public async Task The_Old_Api_Health_Keeps_Its_Legacy_Body()
    {
        await using var factory = new AppFactory();

        var response = await factory.CreateClient().GetAsync("/api/health");

        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(AppFactory factory, string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private sealed class FailingCheckSite : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddHealthChecks().AddCheck("disk", () => HealthCheckResult.Unhealthy("The disk is gone.")));
        }
    }
}
