using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MoiAimerToi.Tests.Browser;

/// <summary>The dream list on a phone: added, moved, ticked done, and made into a memory, all in place.</summary>
public class DreamsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Ticking_A_Dream_Done_On_A_Phone_Offers_To_Make_A_Memory_Of_It()
    {
        await using var session = await BrowserSession.OpenAsync(app, "phone");
        var page = session.Page;
        await session.SignInAsync();
        await session.GotoAsync("/future");
        await session.MarkPageAsync();

        var dreams = page.Locator("#dreams");
        foreach (var dream in new[] { "Voir les aurores boréales", "Apprendre le tango", "Un potager" })
        {
            await dreams.GetByLabel("Un rêve à ajouter").FillAsync(dream);
            await dreams.GetByRole(AriaRole.Button, new() { Name = "Ajouter à la liste" }).ClickAsync();
            await Assertions.Expect(dreams.Locator(".dream-title", new() { HasText = dream })).ToBeVisibleAsync();
        }

        await dreams.GetByRole(AriaRole.Button, new() { Name = "Monter « Apprendre le tango »" }).ClickAsync();
        await Assertions.Expect(dreams.Locator(".dream-title").First).ToHaveTextAsync("Apprendre le tango");

        await dreams.GetByRole(AriaRole.Button, new() { Name = "Cocher « Apprendre le tango » : réalisé" }).ClickAsync();
        var tango = dreams.Locator(".dream", new() { HasText = "Apprendre le tango" });
        await Assertions.Expect(tango.Locator(".dream-tick")).ToHaveAttributeAsync("aria-pressed", "true");
        var offer = tango.Locator(".dream-offer");
        await Assertions.Expect(offer).ToContainTextAsync("Réalisé !");
        await Assertions.Expect(offer.GetByLabel("Titre")).ToHaveValueAsync("Apprendre le tango");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await session.AssertSamePageAsync();
        await page.Locator("#dreams").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotOfAsync("#dreams", "future-dreams");

        await offer.GetByLabel("Titre").FillAsync("Notre premier tango");
        await offer.GetByRole(AriaRole.Button, new() { Name = "En faire un souvenir" }).ClickAsync();
        await session.ExpectPageAsync(new Regex(@"/memories/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Notre premier tango");
        await Assertions.Expect(page.Locator(".memory-dream")).ToHaveTextAsync("Un rêve réalisé : « Apprendre le tango »");

        await page.Locator(".memory-dream a").ClickAsync();
        await Assertions.Expect(page.Locator("#dreams .dream-memory")).ToHaveTextAsync("→ le souvenir « Notre premier tango »");
        session.AssertNoConsoleErrors();
    }
}
