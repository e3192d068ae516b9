using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MoiAimerToi.Tests.Photos;

namespace MoiAimerToi.Tests.Browser;

public class GalleryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserTheory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task The_Couple_Adds_Photos_By_File_Chooser_And_By_Drag_And_Drop_Then_Browses_Them_With_The_Keyboard(string viewport)
    {
        await using var session = await BrowserSession.OpenAsync(app, viewport);
        var page = session.Page;
        await session.SignInAsync();
        await session.GotoAsync("/memories");
        await session.MarkPageAsync();

        // The file chooser, as a phone's camera roll would fill it.
        await page.Locator("#memory-new summary").ClickAsync();
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Locator("#memory-new .drop-zone").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "plage.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1600, 1200) });
        await Assertions.Expect(page.Locator("#memory-new .photo-preview")).ToBeVisibleAsync();
        await page.Locator("#new-title").FillAsync($"La plage ({viewport})");
        // Each viewport gets its own year, so the two runs' memories do not interleave in the large view.
        var year = viewport == "phone" ? 2023 : 2021;
        await page.Locator("#new-taken-on").FillAsync($"{year}-08-10");
        await session.ScreenshotAsync("memories-add-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter ce souvenir" }).ClickAsync();
        var beach = page.Locator(".memory-card", new() { HasText = $"La plage ({viewport})" });
        await Assertions.Expect(beach.Locator("img")).ToBeVisibleAsync();
        // Visible comes first (its size is in the markup); then loaded, from the file just stored.
        await Assertions.Expect(beach.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await beach.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));

        // Drag and drop from the desktop.
        await page.Locator("#memory-new summary").ClickAsync();
        var png = Convert.ToBase64String(TestImages.Png(900, 1200));
        await page.Locator("#memory-new .drop-zone").EvaluateAsync(
            @"(zone, base64) => {
                const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
                const data = new DataTransfer();
                data.items.add(new File([bytes], 'montagne.png', { type: 'image/png' }));
                zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
                zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
            }", png);
        await Assertions.Expect(page.Locator("#memory-new .photo-preview")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#memory-new .photo-name")).ToHaveTextAsync("montagne.png");
        await page.Locator("#new-title").FillAsync($"La montagne ({viewport})");
        await page.Locator("#new-taken-on").FillAsync($"{year}-02-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter ce souvenir" }).ClickAsync();
        await Assertions.Expect(page.Locator(".memory-card", new() { HasText = $"La montagne ({viewport})" }).Locator("img")).ToBeVisibleAsync();
        await session.AssertSamePageAsync();
        await session.ScreenshotAsync("memories-with-photos");

        // The large view, moved through with the keyboard.
        await beach.GetByRole(AriaRole.Link, new() { Name = $"La plage ({viewport})", Exact = true }).ClickAsync();
        await session.ExpectPageAsync(new Regex(@"/memories/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"La plage ({viewport})");
        await Assertions.Expect(page.Locator(".album-slide img")).ToBeVisibleAsync();
        await session.ScreenshotAsync("memory-large-view");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"La montagne ({viewport})");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"La plage ({viewport})");
        await page.Keyboard.PressAsync("Escape");
        await session.ExpectPageAsync(new Regex("/memories$"));

        session.AssertNoConsoleErrors();
    }

    [BrowserTheory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task A_Visitor_Switches_To_English_And_Back(string viewport)
    {
        await using var session = await BrowserSession.OpenAsync(app, viewport);
        var page = session.Page;
        await session.GotoAsync("/story");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Our story");
        Assert.EndsWith("/story", page.Url);
        await session.ScreenshotAsync("story-english");
        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Notre rencontre");
        session.AssertNoConsoleErrors();
    }
}
