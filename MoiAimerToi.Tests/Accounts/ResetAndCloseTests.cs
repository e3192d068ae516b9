using System.Net;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;

namespace MoiAimerToi.Tests.Accounts;

/// <summary>A partner's one-time link for someone else's forgotten password.</summary>
public class ResetAndCloseTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<AppUser> AccountAsync(string userName, AccountRole role, int? perspective = null) =>
        await factory.InScopeAsync(sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByNameAsync(userName))
            ?? await factory.CreateAccountAsync(userName, role, perspective, displayName: userName);

    private async Task<string> ResetLinkAsync(AppUser account)
    {
        var partner = await factory.SignedInBrowserAsync();
        var settings = await partner.GetPageAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, (await partner.SubmitAsync(settings.Form($"#account-{account.Id} form[action*='handler=ResetLink']"))).StatusCode);
        var url = (await partner.GetPageAsync("/settings")).QuerySelector($"#account-{account.Id} #new-reset-url")!.GetAttribute("value")!;
        Assert.StartsWith("http://localhost/reset/", url);
        return new Uri(url).AbsolutePath;
    }

    private Task<HttpResponseMessage> LoginAsync(string user, string password) =>
        factory.CreateApiClient().SendAsync(HttpMethod.Post, "/api/auth/login", new { username = user, password });

    [Fact]
    public async Task A_Reset_Link_Sets_A_New_Password_Once_And_Signs_In()
    {
        var guest = await AccountAsync("oubli", AccountRole.Guest);
        var path = await ResetLinkAsync(guest);
        var browser = factory.CreateBrowser();

        var page = await browser.GetPageAsync(path);
        Assert.Contains("oubli", page.Text(".lede"));
        var tooShort = await browser.SubmitAsync(page.Form("form[action^='/reset/']"), new Dictionary<string, string> { ["NewPassword"] = "court" });
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(tooShort)).Text("#reset-password-error"));

        var reset = await browser.SubmitAsync(page.Form("form[action^='/reset/']"), new Dictionary<string, string> { ["NewPassword"] = "un tout nouveau mot de passe" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("oubli", "un tout nouveau mot de passe")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("oubli", Infrastructure.Accounts.PasswordOf("oubli"))).StatusCode);

        var again = await factory.CreateBrowser().GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Null((await Html.ParseAsync(again)).QuerySelector("form[action^='/reset/']"));
        Assert.Equal(HttpStatusCode.Gone, (await factory.CreateBrowser().GetAsync("/reset/" + SecretTokens.New())).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await factory.CreateBrowser().GetAsync("/reset/%25%25")).StatusCode);
    }

    [Fact]
    public async Task A_Password_Changed_Meanwhile_Ends_The_Link_And_No_One_Makes_One_For_Themself()
    {
        var partner2 = await AccountAsync("alexis", AccountRole.Partner, 2);
        var path = await ResetLinkAsync(partner2);
        var own = await factory.SignedInBrowserAsync("alexis");
        var account = await own.GetPageAsync("/account");
        await own.SubmitAsync(account.Form("form[action*='handler=Password']"),
            new Dictionary<string, string> { ["Password.Current"] = Infrastructure.Accounts.PasswordOf("alexis"), ["Password.New"] = "changé entre-temps" });

        Assert.Equal(HttpStatusCode.Gone, (await factory.CreateBrowser().GetAsync(path)).StatusCode);
        var admin = await factory.InScopeAsync(sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByNameAsync(Infrastructure.Accounts.AdminUser));
        var partner = await factory.SignedInBrowserAsync();
        var settings = await partner.GetPageAsync("/settings");
        Assert.Null(settings.QuerySelector($"#account-{admin!.Id} form[action*='handler=ResetLink']"));
        var forged = await partner.SubmitToAsync($"/settings?handler=ResetLink&id={admin.Id}", settings.Form($"#account-{partner2.Id} form[action*='handler=ResetLink']"));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

}

/// <summary>Closing one's own account; a site of its own, so that it has one partner.</summary>
public class CloseAccountTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task<HttpResponseMessage> LoginAsync(string user, string password) =>
        factory.CreateApiClient().SendAsync(HttpMethod.Post, "/api/auth/login", new { username = user, password });

    [Fact]
    public async Task A_Guest_Closes_Their_Account_Once_They_Tick_The_Box_And_The_Last_Partner_Cannot()
    {
        await factory.CreateAccountAsync("partant", AccountRole.Guest);
        var guest = await factory.SignedInBrowserAsync("partant");
        var page = await guest.GetPageAsync("/account");

        var unticked = await guest.SubmitAsync(page.Form("form[action*='handler=Close']"));
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(unticked)).Text("#close-confirm-error"));
        var closed = await guest.SubmitAsync(page.Form("form[action*='handler=Close']"), new Dictionary<string, string> { ["ConfirmClose"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("partant", Infrastructure.Accounts.PasswordOf("partant"))).StatusCode);

        var partners = await factory.InScopeAsync(sp => sp.GetRequiredService<Partners>().PartnerCountAsync());
        Assert.Equal(1, partners);
        var alone = await factory.SignedInBrowserAsync();
        var refused = await alone.SubmitAsync((await alone.GetPageAsync("/account")).Form("form[action*='handler=Close']"), new Dictionary<string, string> { ["ConfirmClose"] = "true" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("seul partenaire", (await Html.ParseAsync(refused)).Text("#close-confirm-error"));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Infrastructure.Accounts.AdminUser, Infrastructure.Accounts.AdminPassword)).StatusCode);
    }
}

/// <summary>Two partners closing at the same moment, and a removed guest's cookie; a site of its own.</summary>
public class ConcurrentCloseTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Two_Partners_Closing_At_Once_Leave_One_And_A_Removed_Guests_Cookie_Is_Signed_Out_Not_An_Error()
    {
        await factory.CreateAccountAsync("deux", AccountRole.Partner, 2);
        var guest = await factory.CreateAccountAsync("visite", AccountRole.Guest);
        var guestBrowser = await factory.SignedInBrowserAsync("visite");
        var browsers = new[] { await factory.SignedInBrowserAsync(), await factory.SignedInBrowserAsync("deux") };
        var forms = await Task.WhenAll(browsers.Select(async b => (await b.GetPageAsync("/account")).Form("form[action*='handler=Close']")));

        await Task.WhenAll(browsers.Select((b, i) => b.SubmitAsync(forms[i], new Dictionary<string, string> { ["ConfirmClose"] = "true" })));

        Assert.Equal(1, await factory.InScopeAsync(sp => sp.GetRequiredService<Partners>().PartnerCountAsync()));
        await factory.InScopeAsync(sp => sp.GetRequiredService<AccountRemoval>().RemoveAsync(guest));
        var afterwards = await guestBrowser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/login", afterwards.Headers.Location?.OriginalString);
    }
}
