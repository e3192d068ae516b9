using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MoiAimerToi.Tests.Browser;

public class EditingTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserTheory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task The_Couple_Changes_Every_Text_In_Place_Without_A_Page_Load(string viewport)
    {
        await using var session = await BrowserSession.OpenAsync(app, viewport);
        var page = session.Page;
        await session.SignInAsync();

        await session.GotoAsync("/");
        await session.MarkPageAsync();
        await page.Locator("#home-message").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Modifier") }).ClickAsync();
        await page.Locator("#home-message textarea").FillAsync($"Notre petit monde ({viewport})");
        await page.Locator("#home-message").GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#home-message .prose")).ToHaveTextAsync($"Notre petit monde ({viewport})");

        await page.Locator("#counter").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("date de début") }).ClickAsync();
        await page.Locator("#start-date").FillAsync("2099-01-01");
        await page.Locator("#counter").GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#start-date-error")).ToContainTextAsync("futur");
        await page.Locator("#start-date").FillAsync("2020-02-14");
        await page.Locator("#counter").GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#counter .counter-since time")).ToHaveAttributeAsync("datetime", "2020-02-14");
        await session.AssertSamePageAsync();
        await session.ScreenshotAsync("home-signed-in");

        await page.GetByRole(AriaRole.Link, new() { Name = "Notre rencontre" }).ClickAsync();
        await session.MarkPageAsync();
        await page.Locator("#intro").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Modifier") }).ClickAsync();
        await page.Locator("#intro textarea").FillAsync("Un soir d’été.");
        await page.Locator("#intro").GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#intro .prose")).ToHaveTextAsync("Un soir d’été.");
        await session.AssertSamePageAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Notre avenir" }).ClickAsync();
        await session.MarkPageAsync();
        await page.Locator("#perspective-2").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Modifier") }).ClickAsync();
        await page.Locator("#perspective-2 textarea").FillAsync("Un jardin plein de roses.");
        await page.Locator("#perspective-2").GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#perspective-2 .prose")).ToHaveTextAsync("Un jardin plein de roses.");
        await session.AssertSamePageAsync();
        await session.ScreenshotAsync("future-signed-in");

        await page.GetByRole(AriaRole.Link, new() { Name = "Souvenirs" }).ClickAsync();
        await session.MarkPageAsync();
        await page.Locator("#memory-new summary").ClickAsync();
        await page.Locator("#new-title").FillAsync($"Premier baiser ({viewport})");
        await page.Locator("#new-taken-on").FillAsync("2020-02-14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter ce souvenir" }).ClickAsync();
        var card = page.Locator(".memory-card", new() { HasText = $"Premier baiser ({viewport})" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Modifier") }).ClickAsync();
        await page.Locator("form.memory-card input[name='Input.Title']").FillAsync($"Premier baiser, Paris ({viewport})");
        await page.Locator("form.memory-card").GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        card = page.Locator(".memory-card", new() { HasText = $"Premier baiser, Paris ({viewport})" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await session.ScreenshotAsync("memories-signed-in");
        await card.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Supprimer") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, supprimer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".memory-card", new() { HasText = $"Premier baiser, Paris ({viewport})" })).ToHaveCountAsync(0);
        await session.AssertSamePageAsync();

        session.AssertNoConsoleErrors();
    }

    [BrowserTheory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task A_Visitor_Browses_Every_Section_And_The_Counter_Ticks(string viewport)
    {
        await using var session = await BrowserSession.OpenAsync(app, viewport);
        var page = session.Page;

        await session.GotoAsync("/");
        var seconds = await page.Locator("[data-unit=seconds]").TextContentAsync();
        await Assertions.Expect(page.Locator("[data-unit=seconds]")).Not.ToHaveTextAsync(seconds!, new() { Timeout = 5000 });
        await session.ScreenshotAsync("home");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        foreach (var (link, path, shot) in new[] { ("Notre rencontre", "/story", "story"), ("Souvenirs", "/memories", "memories"), ("Notre avenir", "/future", "future") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await session.ExpectPageAsync(new Regex(Regex.Escape(path) + "$"));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
            await session.ScreenshotAsync(shot);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await session.ExpectPageAsync(new Regex("/login"));
        await session.ScreenshotAsync("login");
        session.AssertNoConsoleErrors();
    }
}
