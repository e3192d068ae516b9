using System.Net;
using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Pages.Account;

public class LoginTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_Login_Form_Signs_In_With_An_HttpOnly_Cookie()
    {
        var client = factory.CreateBrowser();

        var response = await client.SignInAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("moiaimertoi.auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var home = await client.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("form[action='/logout'] button"));
        Assert.NotNull(home.QuerySelector("#home-message .edit-button"));
    }

    [Fact]
    public async Task A_Wrong_Password_Shows_The_Form_Again_With_An_Error_And_The_Name_Kept()
    {
        var client = factory.CreateBrowser();

        var response = await client.SignInAsync(password: "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Nom d’utilisateur ou mot de passe incorrect.", page.Text("[role=alert]"));
        Assert.Equal("admin", page.QuerySelector("#user-name")?.GetAttribute("value"));
        Assert.Equal("", page.QuerySelector("#password")?.GetAttribute("value") ?? "");
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("moiaimertoi.auth=")));
    }

    [Fact]
    public async Task Blank_Fields_Are_Named_Next_To_The_Fields()
    {
        var client = factory.CreateBrowser();

        var response = await client.SignInAsync(user: "", password: "");

        var page = await Html.ParseAsync(response);
        Assert.Equal("Nom d’utilisateur est obligatoire.", page.Text("#user-name-error"));
        Assert.Equal("Mot de passe est obligatoire.", page.Text("#password-error"));
        Assert.Equal("true", page.QuerySelector("#user-name")?.GetAttribute("aria-invalid"));
        Assert.Equal("user-name-error", page.QuerySelector("#user-name")?.GetAttribute("aria-describedby"));
        Assert.Equal("false", page.QuerySelector("#remember-me")?.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Signing_In_Returns_To_A_Local_Page_But_Never_To_Another_Site()
    {
        var client = factory.CreateBrowser();
        var login = await client.GetPageAsync("/login?ReturnUrl=%2Fmemories");
        var back = await client.SubmitAsync(login.Form("form[action^='/login']"),
            new Dictionary<string, string> { ["Input.UserName"] = "admin", ["Input.Password"] = "password" });
        Assert.Equal("/memories", back.Headers.Location?.OriginalString);

        var other = factory.CreateBrowser();
        var evil = await other.GetPageAsync("/login?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        var away = await other.SubmitAsync(evil.Form("form[action^='/login']"),
            new Dictionary<string, string> { ["Input.UserName"] = "admin", ["Input.Password"] = "password" });
        Assert.Equal("/", away.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_Out_Is_A_Post_That_Ends_The_Session()
    {
        var client = await factory.SignedInBrowserAsync();
        var home = await client.GetPageAsync("/");

        var response = await client.SubmitAsync(home.Form("form[action='/logout']"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync("/");
        Assert.Null(after.QuerySelector(".edit-button"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/logout")).StatusCode);
    }
}

public class LockoutTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Five_Wrong_Passwords_Lock_The_Account_Even_Against_The_Right_One()
    {
        var client = factory.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(password: "wrong-" + i);
        }

        var response = await client.SignInAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("bloqué", page.Text("[role=alert]"));
    }
}
