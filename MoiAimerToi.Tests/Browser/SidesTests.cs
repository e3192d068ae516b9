using Microsoft.Playwright;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Tests.Browser;

/// <summary>Two sides of one memory on two phones: one written and kept, the other written, then both read together.</summary>
public class SidesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Each_Partner_Writes_Their_Side_And_Reads_The_Others_Only_Once_Both_Are_Written()
    {
        await app.CreateAccountAsync("sam", AccountRole.Partner, perspectiveNumber: 2, displayName: "Sam");
        var id = await app.InScopeAsync(async services =>
            (await services.GetRequiredService<MemoryService>().CreateAsync(new MemoryInput("La première pluie", "", "2024-10-12"), null, null)).Value!.Id);

        await using var alex = await BrowserSession.OpenAsync(app, "phone");
        await alex.SignInAsync();
        await alex.GotoAsync($"/memories/{id}");
        await alex.MarkPageAsync();
        var sides = alex.Page.Locator("#sides");
        await sides.GetByLabel("Ma version de ce souvenir").FillAsync("Je me souviens surtout de la pluie.");
        await sides.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(sides.Locator(".side-mine")).ToContainTextAsync("Toi seul·e la lis pour l’instant");
        await alex.AssertSamePageAsync();

        await using var sam = await BrowserSession.OpenAsync(app, "phone");
        await sam.SignInAsync("sam", Infrastructure.Accounts.PasswordOf("sam"));
        await sam.GotoAsync($"/memories/{id}");
        var samSides = sam.Page.Locator("#sides");
        await Assertions.Expect(samSides.Locator(".side-waiting")).ToContainTextAsync("a écrit sa version : écris la tienne pour la lire.");
        Assert.DoesNotContain("la pluie.", await samSides.InnerTextAsync());
        await samSides.Locator(".side-waiting").ScrollIntoViewIfNeededAsync();
        await sam.ScreenshotOfAsync("#sides", "sides-waiting");

        await samSides.GetByLabel("Ma version de ce souvenir").FillAsync("Pour moi, c’était le soleil après la pluie.");
        await samSides.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(samSides.Locator(".side")).ToHaveCountAsync(2);
        await Assertions.Expect(samSides).ToContainTextAsync("Je me souviens surtout de la pluie.");
        await sam.ScreenshotOfAsync("#sides", "sides-together");

        await alex.Page.ReloadAsync();
        await Assertions.Expect(alex.Page.Locator("#sides")).ToContainTextAsync("La version de Sam");
        alex.AssertNoConsoleErrors();
        sam.AssertNoConsoleErrors();
    }
}
