using Microsoft.Playwright;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Tests.Browser;

/// <summary>« Ce jour-là » on the home page, and the calendar's dates added and changed in place, on a phone and a desktop.</summary>
public class CalendarTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserTheory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task The_Home_Page_Remembers_This_Day_And_The_Couple_Adds_Their_Own_Dates(string viewport)
    {
        var today = app.Service<CoupleClock>().Today;
        var title = $"Au bord du lac ({viewport})";
        await app.InScopeAsync(async services =>
        {
            using var photo = new MemoryStream(TestImages.Jpeg(1600, 1200));
            var made = await services.GetRequiredService<MemoryService>().CreateAsync(
                new MemoryInput(title, "", today.AddYears(viewport == "phone" ? -2 : -3).ToString("yyyy-MM-dd")), photo, null);
            Assert.True(made.Succeeded);
            return 0;
        });
        await using var session = await BrowserSession.OpenAsync(app, viewport);
        var page = session.Page;
        await session.SignInAsync();

        await session.GotoAsync("/");
        var remembered = page.Locator(".on-this-day-memory", new() { HasText = title });
        await Assertions.Expect(remembered.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        await Assertions.Expect(page.Locator(".on-this-day-when").First).ToContainTextAsync("aujourd’hui");
        await page.Locator(".on-this-day").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotOfAsync("#counter", "home-on-this-day");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tout le calendrier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calendrier", Level = 1 })).ToBeVisibleAsync();
        await session.MarkPageAsync();

        // Refused without a title, what was typed kept; then added, then changed, all in place.
        var form = page.Locator("#date-new");
        await form.GetByLabel("Le jour").FillAsync(today.AddDays(20).AddYears(-5).ToString("yyyy-MM-dd"));
        await page.Locator("#date-new-title").EvaluateAsync("input => input.removeAttribute('required')");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#date-new-title-error")).ToHaveTextAsync("Titre est obligatoire.");
        await page.Locator("#date-new-title").FillAsync($"Premier baiser ({viewport})");
        await page.Locator("#date-new").GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        var row = page.Locator(".date-row", new() { HasText = $"Premier baiser ({viewport})" });
        await Assertions.Expect(row).ToContainTextAsync("chaque année");
        await Assertions.Expect(page.Locator(".calendar-list li.occasion-coupledate", new() { HasText = $"Premier baiser ({viewport}) (5 ans)" }))
            .ToContainTextAsync("dans 20 jours");

        await row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Modifier") }).ClickAsync();
        var editor = page.Locator("li.date-form");
        await Assertions.Expect(editor).ToBeVisibleAsync();
        await editor.Locator("input[name='Input.Title']").FillAsync($"Notre premier baiser ({viewport})");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".date-row", new() { HasText = $"Notre premier baiser ({viewport})" })).ToBeVisibleAsync();
        await session.AssertSamePageAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await session.ScreenshotAsync("calendar");
        session.AssertNoConsoleErrors();
    }
}
