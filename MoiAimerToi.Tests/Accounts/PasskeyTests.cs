using System.Net;
using System.Text.Json;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;

namespace MoiAimerToi.Tests.Accounts;

/// <summary>
/// The server's side of passkeys, where no browser is needed: the options it hands out, and every way a sign-in, an
/// addition or a sign-up with a passkey is refused with a message, never an error page. (Making and using real
/// passkeys is in Browser/PasskeyTests, with Chromium's virtual authenticator.)
/// </summary>
public class PasskeyTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static async Task<JsonElement> OptionsAsync(HttpClient browser, string page, string handler, Dictionary<string, string>? fields = null)
    {
        var form = (await browser.GetPageAsync(page)).Form("form[method=post]:has(button[data-passkey])");
        var response = await browser.SubmitToAsync($"{page}{(page.Contains('?') ? '&' : '?')}handler={handler}", form, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Sign_In_Options_Ask_For_Any_Passkey_Of_This_Site_With_The_Device_Checking_Its_Owner()
    {
        var options = await OptionsAsync(factory.CreateBrowser(), "/login", "PasskeyOptions");

        Assert.Equal("localhost", options.GetProperty("rpId").GetString());
        Assert.Equal("required", options.GetProperty("userVerification").GetString());
        Assert.Equal(0, options.GetProperty("allowCredentials").GetArrayLength());
        Assert.True(options.GetProperty("challenge").GetString()!.Length >= 43);
    }

    [Theory]
    [InlineData("", "NotAllowedError", "annulée")]
    [InlineData("", "", "Aucune clé")]
    [InlineData("{\"id\":\"AAAA\",\"type\":\"public-key\"}", "", "expiré")]
    public async Task A_Refused_Or_Missing_Passkey_Shows_The_Sign_In_Form_Again_With_Why(string credential, string browserError, string message)
    {
        var browser = factory.CreateBrowser();
        var form = (await browser.GetPageAsync("/login")).Form("form[method=post]:has(button[data-passkey])");

        var response = await browser.SubmitToAsync("/login?handler=Passkey", form, new Dictionary<string, string> { ["CredentialJson"] = credential, ["PasskeyError"] = browserError });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).Text(".form-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_Forged_Credential_After_Real_Options_Is_Refused_Not_An_Error()
    {
        var browser = factory.CreateBrowser();
        var options = await OptionsAsync(browser, "/login", "PasskeyOptions");
        var forged = JsonSerializer.Serialize(new
        {
            id = "AAAAAAAAAAAAAAAAAAAAAA",
            rawId = "AAAAAAAAAAAAAAAAAAAAAA",
            type = "public-key",
            clientExtensionResults = new { },
            response = new { clientDataJSON = "e30", authenticatorData = "AAAA", signature = "AAAA" },
        });
        var form = (await browser.GetPageAsync("/login")).Form("form[method=post]:has(button[data-passkey])");

        var response = await browser.SubmitToAsync("/login?handler=Passkey", form, new Dictionary<string, string> { ["CredentialJson"] = forged });

        Assert.NotEmpty(options.GetProperty("challenge").GetString()!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(response)).Text(".form-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Adding_A_Passkey_Makes_Options_For_The_Account_And_Says_Next_To_The_Field_When_None_Came()
    {
        await factory.CreateAccountAsync("cousin", AccountRole.Guest, displayName: "Cousin Jo");
        var guest = await factory.SignedInBrowserAsync("cousin");

        var options = await OptionsAsync(guest, "/account", "PasskeyOptions");
        var user = options.GetProperty("user");
        Assert.Equal("cousin", user.GetProperty("name").GetString());
        Assert.Equal("Cousin Jo", user.GetProperty("displayName").GetString());
        Assert.Equal("required", options.GetProperty("authenticatorSelection").GetProperty("residentKey").GetString());

        var page = await guest.GetPageAsync("/account");
        var refused = await guest.SubmitAsync(page.Form("form[action*='handler=AddPasskey']"), new Dictionary<string, string> { ["PasskeyError"] = "NotAllowedError" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("annulée", (await Html.ParseAsync(refused)).Text("#passkey-name-error"));
        Assert.Equal(HttpStatusCode.NotFound, (await guest.SubmitToAsync("/account?handler=RemovePasskey&id=AAAA", page.Form("form[action*='handler=AddPasskey']"))).StatusCode);
    }

    [Fact]
    public async Task Joining_With_A_Passkey_Checks_The_Names_First_And_Makes_No_Account_Without_One()
    {
        var key = factory.CreateKeyClient();
        var path = new Uri((await (await key.SendAsync(HttpMethod.Post, "/api/invites", new { role = "guest" })).JsonAsync()).GetProperty("url").GetString()!).AbsolutePath;
        var browser = factory.CreateBrowser();
        var form = (await browser.GetPageAsync(path)).Form("form[method=post]:has(button[data-passkey])");

        var taken = await browser.SubmitToAsync($"{path}?handler=PasskeyOptions", form, new Dictionary<string, string> { ["Input.UserName"] = Infrastructure.Accounts.AdminUser });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var options = await OptionsAsync(browser, path, "PasskeyOptions", new() { ["Input.UserName"] = "nouveau", ["Input.DisplayName"] = "Nouveau" });
        Assert.Equal("nouveau", options.GetProperty("user").GetProperty("name").GetString());

        var refused = await browser.SubmitToAsync($"{path}?handler=JoinWithPasskey", form, new Dictionary<string, string> { ["Input.UserName"] = Infrastructure.Accounts.AdminUser, ["PasskeyError"] = "options: 400" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(refused)).Text("#invite-user-name-error"));
        var cancelled = await browser.SubmitToAsync($"{path}?handler=JoinWithPasskey", form, new Dictionary<string, string> { ["Input.UserName"] = "nouveau", ["PasskeyError"] = "NotAllowedError" });
        Assert.Contains("annulée", (await Html.ParseAsync(cancelled)).Text("#invite-password-error"));
        Assert.Null(await factory.InScopeAsync(sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByNameAsync("nouveau")));
        Assert.NotNull((await browser.GetPageAsync(path)).QuerySelector("form[action^='/invite']"));
    }

    [Fact]
    public async Task An_Account_Without_A_Password_Keeps_Its_Last_Passkey()
    {
        // An account as joining with a passkey makes it; signed in here with a password removed right after.
        var user = await factory.CreateAccountAsync("sansmotdepasse", AccountRole.Guest);
        await factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var account = (await users.FindByNameAsync("sansmotdepasse"))!;
            var passkey = new Microsoft.AspNetCore.Identity.UserPasskeyInfo([1, 2, 3, 4], [5, 6], DateTimeOffset.UtcNow, 0, [], true, false, false, [7], [8]) { Name = "Seule" };
            Assert.True((await users.AddOrUpdatePasskeyAsync(account, passkey)).Succeeded);
            return 0;
        });
        var browser = await factory.SignedInBrowserAsync("sansmotdepasse");
        await factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            Assert.True((await users.RemovePasswordAsync((await users.FindByNameAsync("sansmotdepasse"))!)).Succeeded);
            return 0;
        });
        var page = await browser.GetPageAsync("/account");
        Assert.Null(page.QuerySelector("#password-current"));

        var refused = await browser.SubmitAsync(page.Form(".passkey-list form"));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("seule façon", (await browser.GetPageAsync("/account")).Text(".notice"));
        Assert.Single(await factory.InScopeAsync(sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().GetPasskeysAsync(user)));
    }
}
