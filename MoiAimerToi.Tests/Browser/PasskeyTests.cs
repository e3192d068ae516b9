using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MoiAimerToi.Web.Accounts;

namespace MoiAimerToi.Tests.Browser;

/// <summary>Passkeys in Chromium, with its DevTools authenticator standing in for a phone's: joining, adding one, signing in.</summary>
public class PasskeyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<string> InviteLinkAsync()
    {
        await using var partner = await BrowserSession.OpenAsync(app, "phone", byName: true);
        await partner.SignInAsync();
        await partner.GotoAsync("/settings");
        await partner.Page.GetByLabel("Invité·e").CheckAsync();
        await partner.Page.GetByRole(AriaRole.Button, new() { Name = "Créer le lien d’invitation" }).ClickAsync();
        await Assertions.Expect(partner.Page.Locator("#new-invite-url")).ToHaveValueAsync(new Regex("/invite/[A-Za-z0-9_-]{43}$"));
        return new Uri(await partner.Page.Locator("#new-invite-url").InputValueAsync()).PathAndQuery;
    }

    private static async Task SignInWithPasskeyAsync(BrowserSession session)
    {
        await session.GotoAsync("/login");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec une clé d'accès" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
    }

    private static async Task SignOutAsync(BrowserSession session)
    {
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_Guest_Joins_With_A_Passkey_Instead_Of_A_Password_And_Signs_In_With_It_Again()
    {
        var link = await InviteLinkAsync();
        await using var guest = await BrowserSession.OpenAsync(app, "phone", byName: true);
        await guest.AddVirtualAuthenticatorAsync();

        await guest.GotoAsync(link);
        await guest.Page.GetByLabel("Nom d’utilisateur").FillAsync("tata");
        await guest.Page.GetByLabel("Nom affiché").FillAsync("Tata Rose");
        await guest.Page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte avec une clé d'accès" }).ClickAsync();
        await guest.ExpectPageAsync(new Regex("/$"));
        var account = await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("tata"))!;
            return (user.Role, user.DisplayName, HasPassword: await users.HasPasswordAsync(user), Passkeys: (await users.GetPasskeysAsync(user)).Count);
        });
        Assert.Equal((AccountRole.Guest, "Tata Rose", false, 1), account);

        await SignOutAsync(guest);
        await SignInWithPasskeyAsync(guest);
        await guest.GotoAsync("/account");
        await Assertions.Expect(guest.Page.Locator(".passkey-list li")).ToHaveCountAsync(1);
        await Assertions.Expect(guest.Page.Locator("#password-current")).ToHaveCountAsync(0);
        guest.AssertNoConsoleErrors();
    }

    [BrowserFact]
    public async Task A_Partner_Adds_A_Passkey_In_Their_Account_And_Signs_In_With_It_Without_A_Password()
    {
        await using var partner = await BrowserSession.OpenAsync(app, "phone", byName: true);
        await partner.AddVirtualAuthenticatorAsync();
        await partner.SignInAsync();
        await partner.GotoAsync("/account");
        await partner.Page.GetByLabel("Nom de la nouvelle clé (facultatif)").FillAsync("Téléphone d'Alex");
        await partner.Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une clé d'accès" }).ClickAsync();
        await Assertions.Expect(partner.Page.Locator(".notice")).ToHaveTextAsync("Clé d'accès « Téléphone d'Alex » ajoutée.");
        await Assertions.Expect(partner.Page.Locator(".passkey-list li")).ToContainTextAsync("Téléphone d'Alex");
        await partner.Page.Locator("#passkeys").ScrollIntoViewIfNeededAsync();
        await partner.ScreenshotAsync("account-passkeys");

        await SignOutAsync(partner);
        await SignInWithPasskeyAsync(partner);
        await partner.GotoAsync("/settings");
        partner.AssertNoConsoleErrors();
    }
}
