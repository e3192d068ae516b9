using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Hosting;

/// <summary>
/// The real server in Production, whose connections come from 127.0.0.1; the HSTS header, which the site sends on
/// HTTPS alone, shows whether it believed the forwarded scheme.
/// </summary>
public sealed class ProxyHeadersTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_Forwarded_Scheme_Of_A_Proxy_On_This_Machine_Is_Believed()
    {
        await using var site = await ServerProcess.StartAsync(_data, Production());

        Assert.True(await BelievedHttpsAsync(site));
    }

    [Fact]
    public async Task Forwarded_Headers_From_Anyone_But_The_Configured_Proxies_Are_Ignored()
    {
        var settings = Production();
        settings["ForwardedHeaders__KnownProxies__0"] = "10.9.8.7";
        await using var site = await ServerProcess.StartAsync(_data, settings);

        Assert.False(await BelievedHttpsAsync(site));
    }

    private static async Task<bool> BelievedHttpsAsync(ServerProcess site)
    {
        using var client = site.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/story");
        request.Headers.Host = "example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var response = await client.SendAsync(request);
        return response.Headers.Contains("Strict-Transport-Security");
    }

    private static Dictionary<string, string> Production() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["BACKEND_ADMIN_USER"] = ProductionAppFactory.AdminUser,
        ["BACKEND_ADMIN_PASS"] = ProductionAppFactory.AdminPassword,
        ["BACKEND_JWT_SECRET"] = ProductionAppFactory.JwtSecret,
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
