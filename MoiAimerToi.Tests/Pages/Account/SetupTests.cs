using System.Net.Http.Json;
using System.Net;
using Microsoft.AspNetCore.Identity;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Tests.Pages.Account;

/// <summary>Production with no admin configured: the first visitor creates the account, once.</summary>
public sealed class ProductionWithoutAdmin : AppFactory
{
    public ProductionWithoutAdmin()
    {
        Environment = "Production";
        // No admin, but a token secret: PostgreSQL refuses to start without one (PostgresTests).
        Settings["BACKEND_JWT_SECRET"] = ProductionAppFactory.JwtSecret;
    }
}

public class SetupTests(ProductionWithoutAdmin factory) : IClassFixture<ProductionWithoutAdmin>
{
    [Fact]
    public async Task Setup_Creates_The_First_Account_Once_Then_Disappears()
    {
        var client = factory.CreateBrowser();
        var login = await client.GetPageAsync("/login");
        Assert.NotNull(login.QuerySelector("a[href='/setup']"));
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync()).StatusCode);

        var mismatch = await client.SubmitAsync((await client.GetPageAsync("/setup")).Form("form[action='/setup']"), new Dictionary<string, string>
        {
            ["Input.UserName"] = "camille",
            ["Input.Password"] = "une longue phrase",
            ["Input.ConfirmPassword"] = "une autre phrase",
        });
        Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
        var refused = await Html.ParseAsync(mismatch);
        Assert.Equal("Les deux mots de passe ne sont pas identiques.", refused.Text("#setup-confirm-error"));
        Assert.Equal("true", refused.QuerySelector("#setup-confirm")?.GetAttribute("aria-invalid"));
        Assert.Equal("false", refused.QuerySelector("#setup-password")?.GetAttribute("aria-invalid"));
        Assert.Equal("setup-password-help setup-password-error", refused.QuerySelector("#setup-password")?.GetAttribute("aria-describedby"));
        Assert.Equal("camille", refused.QuerySelector("#setup-user-name")?.GetAttribute("value"));

        var created = await client.SubmitAsync((await client.GetPageAsync("/setup")).Form("form[action='/setup']"), new Dictionary<string, string>
        {
            ["Input.UserName"] = "camille",
            ["Input.Password"] = "une longue phrase",
            ["Input.ConfirmPassword"] = "une longue phrase",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("secure", created.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("moiaimertoi.auth=")));
        Assert.NotNull((await client.GetPageAsync("/")).QuerySelector(".edit-button"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync("/setup")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().SignInAsync("camille", "une longue phrase")).StatusCode);
        // Setup asks who may look, Private unless the couple chooses Public.
        Assert.Equal(MoiAimerToi.Web.Site.SiteVisibility.Private, factory.Service<MoiAimerToi.Web.Site.VisibilityService>().Current);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().GetAsync("/memories")).StatusCode);
    }
}

public class ConfiguredAdminTests(ProductionAppFactory factory) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task The_Configured_Admin_Signs_In_And_The_Development_Default_Does_Not()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().SignInAsync(ProductionAppFactory.AdminUser, ProductionAppFactory.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().SignInAsync("admin", "password")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync("/setup")).StatusCode);
    }

    [Fact]
    public async Task The_Reset_Password_Command_Changes_A_Forgotten_Password()
    {
        await factory.InScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().CreateAsync(new AppUser { UserName = "alex" }, "forgotten phrase"));

        var exit = await ResetPasswordCommand.RunAsync(factory.Services, ["alex"], () => "a brand new phrase");

        Assert.Equal(0, exit);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().SignInAsync("alex", "forgotten phrase")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().SignInAsync("alex", "a brand new phrase")).StatusCode);
        Assert.Equal(1, await ResetPasswordCommand.RunAsync(factory.Services, ["nobody"], () => "a brand new phrase"));
    }

    [Fact]
    public async Task Reset_Password_Refuses_A_Password_Given_On_The_Command_Line_And_Changes_Nothing()
    {
        await factory.InScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().CreateAsync(new AppUser { UserName = "sam" }, "the old phrase"));

        Assert.Equal(2, await ResetPasswordCommand.RunAsync(factory.Services, ["sam", "in the shell history"], () => "unused"));

        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().SignInAsync("sam", "the old phrase")).StatusCode);
    }
}

public class ResetPasswordProcessTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Reset_Password_Reads_The_New_Password_From_Standard_Input()
    {
        await using (var site = await ServerProcess.StartAsync(_data))
        {
            // The Development admin exists once the site has started.
        }

        var (exit, output, errors) = await CommandProcess.RunAsync(_data, "a phrase from stdin\n", "reset-password", "admin");

        Assert.True(exit == 0, errors);
        Assert.Contains("is changed", output);
        Assert.DoesNotContain("a phrase from stdin", output + errors);
        await using var restarted = await ServerProcess.StartAsync(_data);
        using var client = restarted.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "a phrase from stdin" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
