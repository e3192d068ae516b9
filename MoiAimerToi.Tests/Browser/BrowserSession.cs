using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MoiAimerToi.Tests.Browser;

/// <summary>
/// One person's visit: a fresh browser context at a viewport, collecting console errors,
/// with helpers to sign in, to prove no full page load happened, and to take screenshots.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _consoleErrors = [];
    private readonly string _viewportName;

    private BrowserSession(IBrowserContext context, IPage page, string baseUrl, string viewportName)
    {
        _context = context;
        Page = page;
        BaseUrl = baseUrl;
        _viewportName = viewportName;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
    }

    public IPage Page { get; }

    public string BaseUrl { get; }

    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    public static async Task<BrowserSession> OpenAsync(
        BrowserApp app, string viewport, string locale = "fr-FR", bool bypassCsp = false, ColorScheme colorScheme = ColorScheme.Light, bool byName = false)
    {
        // WebAuthn refuses an IP address as a site's domain: passkey tests browse http://localhost:PORT instead.
        var baseUrl = byName ? app.BaseUrl.Replace("://127.0.0.1:", "://localhost:", StringComparison.Ordinal) : app.BaseUrl;
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = Viewports.Named(viewport),
            Locale = locale,
            BaseURL = baseUrl,
            IsMobile = viewport == "phone",
            HasTouch = viewport == "phone",
            // Screenshots catch cards mid-fade otherwise; the site turns its animations off for reduced motion.
            ReducedMotion = ReducedMotion.Reduce,
            // Only for tools that inject their own script, such as axe; every other test keeps the site's CSP.
            BypassCSP = bypassCsp,
            ColorScheme = colorScheme,
        });
        // Generous: the machine running CI may be busy, and a slow answer is not a wrong one.
        context.SetDefaultTimeout(30_000);
        var name = colorScheme == ColorScheme.Dark ? viewport + "-dark" : viewport;
        return new BrowserSession(context, await context.NewPageAsync(), baseUrl, name);
    }

    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.True(response?.Ok, $"GET {path} answered {response?.Status}");
    }

    public async Task SignInAsync(string user = "admin", string password = "password")
    {
        await GotoAsync("/login");
        await Page.GetByLabel(new Regex("Nom d’utilisateur|User name")).FillAsync(user);
        await Page.GetByLabel(new Regex("^(Mot de passe|Password)$")).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Se connecter|Sign in)$") }).ClickAsync();
        await ExpectPageAsync(new Regex("^(?!.*/login)"));
    }

    /// <summary>
    /// Waits until the window shows <paramref name="url"/>, parsed down to its footer. It polls, as
    /// Playwright's assertions do, rather than waiting for load events: on a busy machine an event can
    /// arrive between a wait's check and its subscription, and the wait then never ends.
    /// </summary>
    public async Task ExpectPageAsync(Regex url)
    {
        await Assertions.Expect(Page).ToHaveURLAsync(url);
        await Assertions.Expect(Page.Locator("body > footer")).ToBeAttachedAsync();
    }

    /// <summary>Marks the window; <see cref="AssertSamePageAsync"/> fails if a full page load has replaced it since.</summary>
    public Task MarkPageAsync() => Page.EvaluateAsync("() => { window.__sameDocument = true; }");

    public async Task AssertSamePageAsync() =>
        Assert.True(await Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "A full page load happened.");

    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        // From the top, or the sticky header would be caught halfway down a full-page picture.
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        // A phone shows one screen at a time, with its tab bar fixed at the bottom: so does its picture.
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, $"{name}-{_viewportName}.png"),
            FullPage = !_viewportName.StartsWith("phone", StringComparison.Ordinal),
        });
    }

    /// <summary>One part of the page, as a person scrolled to it sees it.</summary>
    public async Task ScreenshotOfAsync(string selector, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.EvaluateAsync("selector => document.querySelector(selector).scrollIntoView({ block: 'start' })", selector);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{_viewportName}.png") });
    }

    /// <summary>
    /// A passkey authenticator built into this page's browser (Chromium's DevTools one), which says yes at once as a
    /// phone's face or fingerprint check would, and keeps the passkeys it makes.
    /// </summary>
    public async Task AddVirtualAuthenticatorAsync()
    {
        var devTools = await _context.NewCDPSessionAsync(Page);
        await devTools.SendAsync("WebAuthn.enable", new() { ["enableUI"] = false });
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new()
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    public void AssertNoConsoleErrors() => Assert.True(_consoleErrors.Count == 0, string.Join(Environment.NewLine, _consoleErrors));

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
