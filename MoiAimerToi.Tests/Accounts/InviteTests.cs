using System.Net.Http.Json;
using System.Net;
using AngleSharp.Html.Dom;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;

namespace MoiAimerToi.Tests.Accounts;

/// <summary>One-time links that make exactly one account: a partner (two at most) or a guest.</summary>
public class InviteTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task<IReadOnlyDictionary<string, AppUser>> AccountsAsync() =>
        factory.InScopeAsync(sp => sp.GetRequiredService<Partners>().AccountsAsync());

    /// <summary>Makes an invitation from the settings page, as partner 1 does, and returns its link's path.</summary>
    private async Task<string> InviteFromSettingsAsync(AccountRole role)
    {
        var partner = await factory.SignedInBrowserAsync();
        var settings = await partner.GetPageAsync("/settings");
        var made = await partner.SubmitAsync(settings.Form("form[action*='handler=Invite']"), new Dictionary<string, string> { ["InviteRequest.Role"] = role.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var url = (await partner.GetPageAsync("/settings")).QuerySelector("#new-invite-url")!.GetAttribute("value")!;
        Assert.Matches(@"^http://localhost/invite/[A-Za-z0-9_-]{43}$", url);
        return new Uri(url).AbsolutePath;
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient browser, IHtmlFormElement form, string userName, string password = "a long enough password") =>
        browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = "Mamie Jo",
            ["Input.Password"] = password,
        });

    [Fact]
    public async Task A_Guest_Joins_With_The_Link_Once_And_The_Link_Then_Says_It_Has_Been_Used()
    {
        var path = await InviteFromSettingsAsync(AccountRole.Guest);
        var browser = factory.CreateBrowser();
        var page = await browser.GetPageAsync(path);

        var refused = await AcceptAsync(browser, page.Form("form[action^='/invite']"), "mamie", password: "short");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(refused)).QuerySelector("#invite-password-error, .field-error"));
        Assert.DoesNotContain((await AccountsAsync()).Values, u => u.UserName == "mamie");

        var joined = await AcceptAsync(browser, page.Form("form[action^='/invite']"), "mamie");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var guest = (await AccountsAsync()).Values.Single(u => u.UserName == "mamie");
        Assert.Equal((AccountRole.Guest, (int?)null, "Mamie Jo"), (guest.Role, guest.PerspectiveNumber, guest.DisplayName));
        Assert.Null((await browser.GetPageAsync("/memories")).QuerySelector("#memory-new"));

        var again = await factory.CreateBrowser().GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Null((await Html.ParseAsync(again)).QuerySelector("form[action^='/invite']"));
        var api = await factory.CreateApiClient().PostAsJsonAsync($"/api/invites/{path.Split('/')[^1]}/accept", new { user_name = "encore", password = "a long enough password" });
        await api.ErrorAsync(HttpStatusCode.Gone);
        Assert.DoesNotContain((await AccountsAsync()).Values, u => u.UserName == "encore");
    }

    [Fact]
    public async Task Unknown_Revoked_And_Expired_Links_Make_No_Account()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync("/invite/" + SecretTokens.New())).StatusCode);

        var key = factory.CreateKeyClient();
        var revoked = await (await key.SendAsync(HttpMethod.Post, "/api/invites", new { role = "guest" })).JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await key.DeleteAsync($"/api/invites/{revoked.GetProperty("id").GetInt32()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await factory.CreateBrowser().GetAsync(new Uri(revoked.GetProperty("url").GetString()!).AbsolutePath)).StatusCode);

        var expiring = await (await key.SendAsync(HttpMethod.Post, "/api/invites", new { role = "guest" })).JsonAsync();
        factory.Clock.Set(DateTimeOffset.UtcNow.AddDays(8));
        try
        {
            var path = new Uri(expiring.GetProperty("url").GetString()!).AbsolutePath;
            Assert.Equal(HttpStatusCode.Gone, (await factory.CreateBrowser().GetAsync(path)).StatusCode);
            var api = await factory.CreateApiClient().PostAsJsonAsync($"/api/invites/{path.Split('/')[^1]}/accept", new { user_name = "tard", password = "a long enough password" });
            await api.ErrorAsync(HttpStatusCode.Gone);
        }
        finally
        {
            factory.Clock.Set(DateTimeOffset.UtcNow);
        }

        Assert.DoesNotContain((await AccountsAsync()).Values, u => u.UserName == "tard");
    }

    [Fact]
    public async Task The_Second_Partner_Owns_Perspective_2_And_No_Third_Partner_Can_Be_Invited()
    {
        var spare = await (await factory.CreateKeyClient().SendAsync(HttpMethod.Post, "/api/invites", new { role = "partner" })).JsonAsync();
        var path = await InviteFromSettingsAsync(AccountRole.Partner);
        var accepted = await factory.CreateApiClient().PostAsJsonAsync($"/api/invites/{path.Split('/')[^1]}/accept",
            new { user_name = "alex", display_name = "Alex", password = "a long enough password" });

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal("partner", (await accepted.JsonAsync()).GetProperty("role").GetString());
        Assert.Equal(2, (await AccountsAsync()).Values.Single(u => u.UserName == "alex").PerspectiveNumber);

        await (await factory.CreateKeyClient().SendAsync(HttpMethod.Post, "/api/invites", new { role = "partner" })).ErrorAsync(HttpStatusCode.Conflict);
        var partner = await factory.SignedInBrowserAsync();
        var settings = await partner.GetPageAsync("/settings");
        var refused = await partner.SubmitAsync(settings.Form("form[action*='handler=Invite']"), new Dictionary<string, string> { ["InviteRequest.Role"] = "Partner" });
        Assert.Contains("deux partenaires", (await Html.ParseAsync(refused)).QuerySelector("form[action*='handler=Invite'] .field-error")?.TextContent);
        var spareLink = await factory.CreateBrowser().GetPageAsync(new Uri(spare.GetProperty("url").GetString()!).AbsolutePath);
        Assert.Null(spareLink.QuerySelector("form[action^='/invite']"));
        Assert.Contains("deux partenaires", spareLink.QuerySelector("[role=alert]")?.TextContent);
    }

    [Fact]
    public async Task Settings_And_Invitations_Are_Not_A_Guests()
    {
        if (!(await AccountsAsync()).Values.Any(u => u.UserName == "cousin"))
        {
            await factory.CreateAccountAsync("cousin", AccountRole.Guest);
        }

        var guest = await factory.SignedInBrowserAsync("cousin");
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync("/settings")).StatusCode);
        Assert.Null((await guest.GetPageAsync("/")).QuerySelector("a[href='/settings']"));
        var token = await factory.CreateTokenClientAsync("cousin");
        await (await token.GetAsync("/api/invites")).ErrorAsync(HttpStatusCode.Forbidden);
        await (await token.SendAsync(HttpMethod.Post, "/api/invites", new { role = "guest" })).ErrorAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_Partner_Removes_A_Guest_Whose_Sign_In_Then_Ends()
    {
        var leaving = await factory.CreateAccountAsync("voisin", AccountRole.Guest);
        var token = await factory.CreateTokenClientAsync("voisin");
        var guest = await factory.SignedInBrowserAsync("voisin");
        var partner = await factory.SignedInBrowserAsync();
        var settings = await partner.GetPageAsync("/settings");

        var removed = await partner.SubmitAsync(settings.Form($"form[action*='handler=RemoveGuest'][action*='{leaving.Id}']"));

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain((await AccountsAsync()).Values, u => u.UserName == "voisin");
        // Its tokens stop at once; its sign-in cookie at the next check of the account, within a minute.
        await (await token.GetAsync("/api/me")).ErrorAsync(HttpStatusCode.Unauthorized);
        factory.Clock.Set(DateTimeOffset.UtcNow.AddMinutes(2));
        try
        {
            Assert.Null((await guest.GetPageAsync("/")).QuerySelector("form[action='/logout']"));
        }
        finally
        {
            factory.Clock.Set(DateTimeOffset.UtcNow);
        }

        var admin = (await AccountsAsync()).Values.Single(u => u.UserName == "admin");
        var refused = await partner.PostAsync($"/settings?handler=RemoveGuest&id={admin.Id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", settings.FormToken())]));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains((await AccountsAsync()).Values, u => u.UserName == "admin");
    }
}
