using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Sharing;

namespace MoiAimerToi.Tests.Browser;

public class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<string[]> PagesAsync(bool signedIn)
    {
        var memory = await app.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<MemoryService>();
            return (await service.ListAsync()).FirstOrDefault()
                ?? (await service.CreateAsync(new MemoryInput("Lisbonne", "Les tramways jaunes.", "2024-05-01"), null, null)).Value!;
        });
        var shared = await app.InScopeAsync(async sp => (await sp.GetRequiredService<ShareLinkService>()
            .CreateAsync(new ShareLinkInput(null, null, null, false, false), null)).Value!.Token);
        string[] pages = ["/", "/story", "/memories", $"/memories/{memory.Id}", "/future", "/login", $"/s/{shared}", $"/s/{shared}?memory={memory.Id}"];
        return signedIn ? [.. pages, "/settings", "/account", "/account/reminders", "/calendar", "/letters"] : pages;
    }

    [BrowserTheory]
    [InlineData("phone", false, false)]
    [InlineData("phone", true, false)]
    [InlineData("desktop", false, false)]
    [InlineData("desktop", true, false)]
    [InlineData("phone", true, true)]
    public async Task No_Page_Has_A_Serious_Or_Critical_Accessibility_Violation(string viewport, bool signedIn, bool dark)
    {
        await using var session = await BrowserSession.OpenAsync(
            app, viewport, bypassCsp: true, colorScheme: dark ? Microsoft.Playwright.ColorScheme.Dark : Microsoft.Playwright.ColorScheme.Light);
        if (signedIn)
        {
            await session.SignInAsync();
        }

        var problems = new List<string>();
        foreach (var path in await PagesAsync(signedIn))
        {
            await session.GotoAsync(path);
            var result = await session.Page.RunAxe();
            if (dark && path == "/")
            {
                await session.ScreenshotAsync("home-signed-in");
            }

            problems.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [BrowserFact]
    public async Task Every_Edit_Control_Is_Reachable_By_Keyboard_And_Visibly_Focused()
    {
        await using var session = await BrowserSession.OpenAsync(app, "desktop");
        await session.SignInAsync();
        await session.GotoAsync("/");

        var reached = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            await session.Page.Keyboard.PressAsync("Tab");
            var focused = await session.Page.EvaluateAsync<string[]>(
                "() => { const e = document.activeElement; if (e === document.body) return ['', '', '']; const s = getComputedStyle(e); return [e.textContent.trim(), s.outlineStyle, s.outlineWidth]; }");
            if (focused[0].Length > 0)
            {
                Assert.True(focused[1] != "none" && focused[2] != "0px", $"'{focused[0]}' has no visible focus ring.");
                reached.Add(focused[0]);
            }
        }

        Assert.Contains(reached, text => text.Contains("Modifier"));
        Assert.Contains(reached, text => text.Contains("Changer la date de début"));
        Assert.Contains("Se déconnecter", reached);
    }
}
