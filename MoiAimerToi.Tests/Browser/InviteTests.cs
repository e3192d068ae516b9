using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MoiAimerToi.Tests.Browser;

public class InviteTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserTheory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Partner_1_Invites_A_Guest_Who_Joins_From_The_Link_And_Reads_Without_Edit_Controls(string viewport)
    {
        string link;
        await using (var partner = await BrowserSession.OpenAsync(app, viewport))
        {
            await partner.SignInAsync();
            await partner.GotoAsync("/settings");
            await partner.Page.GetByLabel("Invité·e").CheckAsync();
            await partner.Page.GetByRole(AriaRole.Button, new() { Name = "Créer le lien d’invitation" }).ClickAsync();
            await Assertions.Expect(partner.Page.Locator("#new-invite-url")).ToHaveValueAsync(new Regex("/invite/[A-Za-z0-9_-]{43}$"));
            link = await partner.Page.Locator("#new-invite-url").InputValueAsync();
            await partner.ScreenshotAsync("settings");
        }

        await using var guest = await BrowserSession.OpenAsync(app, viewport);
        await guest.GotoAsync(new Uri(link).PathAndQuery);
        await guest.ScreenshotAsync("invite");
        await guest.Page.GetByLabel("Nom d’utilisateur").FillAsync($"mamie-{viewport}");
        await guest.Page.GetByLabel("Nom affiché").FillAsync("Mamie Jo");
        await guest.Page.GetByLabel("Mot de passe").FillAsync("le jardin de mamie");
        await guest.Page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte", Exact = true }).ClickAsync();
        await guest.ExpectPageAsync(new Regex("/$"));

        await guest.GotoAsync("/memories");
        await Assertions.Expect(guest.Page.Locator(".edit-button, #memory-new")).ToHaveCountAsync(0);
        await Assertions.Expect(guest.Page.GetByRole(AriaRole.Link, new() { Name = "Réglages" })).ToHaveCountAsync(0);
        guest.AssertNoConsoleErrors();
        var again = await guest.Page.GotoAsync(new Uri(link).PathAndQuery);
        Assert.Equal(410, again?.Status);
    }
}
