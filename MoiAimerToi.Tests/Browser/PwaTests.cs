using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MoiAimerToi.Tests.Browser;

public class PwaTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string CachedAddresses = """
        async () => {
            const addresses = [];
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) {
                    const url = new URL(request.url);
                    addresses.push(name + " " + url.pathname + url.search);
                }
            }
            return addresses;
        }
        """;

    [BrowserFact]
    public async Task Pages_Already_Seen_Stay_Readable_Offline_And_Others_Show_The_Offline_Page()
    {
        await using var session = await BrowserSession.OpenAsync(app, "phone");
        var page = session.Page;

        await session.GotoAsync("/");
        await WaitForWorkerAsync(page);
        Assert.Equal($"{app.BaseUrl}/", await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.getRegistration()).scope"));
        await session.GotoAsync("/story");
        // The home page and its counter script loaded before the worker existed, so the worker fetched them itself.
        await WaitUntilCachedAsync(page, "^/$", "^/story$", @"^/js/counter\.\w+\.js$", @"^/js/site\.\w+\.js$",
            @"^/lib/htmx/htmx\.min\.\w+\.js$", @"^/js/htmx-antiforgery\.\w+\.js$", "^/offline.html$");

        await page.Context.SetOfflineAsync(true);
        var story = await page.ReloadAsync();
        Assert.True(story?.FromServiceWorker, "The offline story did not come from the service worker.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notre rencontre", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#intro .prose, #intro .empty-note")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Accueil", Exact = true }).ClickAsync();
        await session.ExpectPageAsync(new Regex("^" + Regex.Escape(app.BaseUrl) + "/$"));
        var seconds = await page.Locator("[data-unit=seconds]").TextContentAsync();
        await Assertions.Expect(page.Locator("[data-unit=seconds]")).Not.ToHaveTextAsync(seconds!, new() { Timeout = 5000 });

        var unseen = await page.GotoAsync("/future");
        Assert.True(unseen?.FromServiceWorker, "The unseen page did not come from the service worker.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hors ligne", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal($"{app.BaseUrl}/future", page.Url);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await session.ScreenshotAsync("offline");

        await page.Context.SetOfflineAsync(false);
        await page.GetByRole(AriaRole.Link, new() { Name = "Réessayer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notre avenir", Level = 1 })).ToBeVisibleAsync();

        session.AssertNoConsoleErrors();
    }

    [BrowserFact]
    public async Task Sign_In_Edits_And_The_Api_Pass_The_Worker_By_And_Signing_Out_Forgets_The_Pages()
    {
        await using var session = await BrowserSession.OpenAsync(app, "desktop");
        var page = session.Page;
        await session.GotoAsync("/login");
        await WaitForWorkerAsync(page);

        await AssertNetworkAnswersAsync(page, "POST", "/login", () => session.SignInAsync());
        await session.GotoAsync("/story");
        await AssertNetworkAnswersAsync(page, "GET", "handler=", () =>
            page.Locator("#intro").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Modifier") }).ClickAsync());
        await page.Locator("#intro textarea").FillAsync("Un matin de printemps.");
        await AssertNetworkAnswersAsync(page, "POST", "/story", () =>
            page.Locator("#intro").GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync());
        await Assertions.Expect(page.Locator("#intro .prose")).ToHaveTextAsync("Un matin de printemps.");
        await AssertNetworkAnswersAsync(page, "GET", "/api/memories", async () =>
            Assert.Equal(200, await page.EvaluateAsync<int>("async () => (await fetch('/api/memories')).status")));
        await page.ReloadAsync();

        // Signed in, every page is marked private and no-store: the worker keeps none, and no sign-in page, edit or API answer either.
        var cached = await page.EvaluateAsync<string[]>(CachedAddresses);
        Assert.DoesNotContain(cached, address => Regex.IsMatch(address, @" /(login|logout|setup|api)\b|handler=", RegexOptions.IgnoreCase));
        Assert.DoesNotContain(cached, address => address.Contains("pages", StringComparison.Ordinal));

        await AssertNetworkAnswersAsync(page, "POST", "/logout", () =>
            page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync());
        await session.ExpectPageAsync(new Regex("^" + Regex.Escape(app.BaseUrl) + "/$"));
        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync("/story");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hors ligne", Level = 1 })).ToBeVisibleAsync();
        await page.Context.SetOfflineAsync(false);
        session.AssertNoConsoleErrors();
    }

    /// <summary>The request went past the worker, straight to the site: nothing was cached or answered from a cache.</summary>
    private static async Task AssertNetworkAnswersAsync(IPage page, string method, string urlPart, Func<Task> action)
    {
        var response = await page.RunAndWaitForResponseAsync(action, r => r.Request.Method == method && r.Url.Contains(urlPart, StringComparison.Ordinal));
        Assert.False(response.FromServiceWorker, $"{method} {response.Url} was answered by the service worker.");
    }

    private static Task WaitForWorkerAsync(IPage page) =>
        page.WaitForFunctionAsync("() => navigator.serviceWorker.controller?.state === 'activated'");

    /// <summary>The worker stores a copy after answering, so give it a moment; each pattern is matched against the cached paths.</summary>
    private static Task WaitUntilCachedAsync(IPage page, params string[] pathPatterns) =>
        page.EvaluateAsync("""
            async patterns => {
                const deadline = Date.now() + 30000;
                const cachedPaths = async () => {
                    const paths = [];
                    for (const name of await caches.keys()) {
                        for (const request of await (await caches.open(name)).keys()) {
                            paths.push(new URL(request.url).pathname);
                        }
                    }
                    return paths;
                };
                for (const pattern of patterns) {
                    while (!(await cachedPaths()).some(path => new RegExp(pattern).test(path))) {
                        if (Date.now() > deadline) {
                            throw new Error(`nothing matching ${pattern} was ever cached`);
                        }
                        await new Promise(resolve => setTimeout(resolve, 50));
                    }
                }
            }
            """, pathPatterns);
}
