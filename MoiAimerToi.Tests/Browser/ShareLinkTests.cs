using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Tests.Browser;

public class ShareLinkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserTheory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task A_Partner_Shares_A_Memory_Behind_A_Password_And_Revoking_It_Ends_The_Open_Page(string viewport)
    {
        var memory = await app.InScopeAsync(async sp => (await sp.GetRequiredService<MemoryService>().CreateAsync(
            new MemoryInput($"La plage de Biarritz ({viewport})", "Le sable chaud, la mer qui monte, et nous deux sur la serviette rouge.", "2024-07-14"),
            new MemoryStream(TestImages.Jpeg(1600, 1067)), null)).Value!);
        string link;
        await using var partner = await BrowserSession.OpenAsync(app, viewport);
        await partner.SignInAsync();
        await partner.GotoAsync($"/memories/{memory.Id}");
        await partner.Page.GetByRole(AriaRole.Link, new() { Name = "Partager" }).ClickAsync();
        await Assertions.Expect(partner.Page.Locator(".share-what")).ToContainTextAsync("La plage de Biarritz");
        await partner.Page.GetByLabel("Mot de passe (facultatif)").FillAsync("serviette rouge");
        await partner.Page.GetByRole(AriaRole.Button, new() { Name = "Créer le lien", Exact = true }).ClickAsync();
        await Assertions.Expect(partner.Page.Locator("#new-share-url")).ToHaveValueAsync(new Regex("/s/[A-Za-z0-9_-]{43}$"));
        link = new Uri(await partner.Page.Locator("#new-share-url").InputValueAsync()).PathAndQuery;
        await partner.ScreenshotAsync("settings-share");

        await using var friend = await BrowserSession.OpenAsync(app, viewport);
        await friend.GotoAsync(link);
        await Assertions.Expect(friend.Page.GetByText("La plage de Biarritz")).ToHaveCountAsync(0);
        await friend.Page.GetByLabel("Mot de passe").FillAsync("serviette rouge");
        await friend.Page.GetByRole(AriaRole.Button, new() { Name = "Voir" }).ClickAsync();
        await Assertions.Expect(friend.Page.Locator("h1")).ToHaveTextAsync($"La plage de Biarritz ({viewport})");
        await Assertions.Expect(friend.Page.Locator(".album-slide img")).ToHaveJSPropertyAsync("complete", true);
        await Assertions.Expect(friend.Page.Locator(".site-nav")).ToHaveCountAsync(0);
        await friend.ScreenshotAsync("shared-memory");
        var photo = await friend.Page.Locator(".album-slide img").GetAttributeAsync("src");
        friend.AssertNoConsoleErrors();

        await partner.GotoAsync("/settings");
        await partner.Page.Locator(".share-list li").Filter(new() { HasText = "La plage de Biarritz" })
            .GetByRole(AriaRole.Button, new() { Name = "Retirer" }).ClickAsync();
        await Assertions.Expect(partner.Page.Locator(".share-list li").Filter(new() { HasText = "La plage de Biarritz" })).ToHaveCountAsync(0);

        var photoAfter = await friend.Page.APIRequest.GetAsync(photo!);
        Assert.Equal(404, photoAfter.Status);
        var reloaded = await friend.Page.ReloadAsync();
        Assert.Equal(410, reloaded?.Status);
        await Assertions.Expect(friend.Page.Locator("h1")).ToHaveTextAsync("Ce lien n'est plus valable");
    }
}
