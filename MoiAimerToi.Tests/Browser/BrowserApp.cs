using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Browser;

/// <summary>The real app on a Kestrel port of 127.0.0.1, and one headless Chromium to drive it.</summary>
public sealed class BrowserApp : AppFactory, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    public static bool OnCi => string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private IPlaywright? _playwright;

    public BrowserApp() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!ChromiumInstalled)
        {
            throw new InvalidOperationException($"CI=true but no Chromium at {ChromiumPath}: .ci/run installs the Debian package 'chromium'.");
        }

        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
        // Generous, like the action timeout: a busy CI machine is slow, not wrong.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
