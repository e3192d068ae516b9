using System.Net;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Tests.Site;

/// <summary>Public or Private: switching to Private closes pages, cached pages, photos and the API at once.</summary>
public class VisibilityTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<Memory> MemoryWithPhotoAsync() => await factory.InScopeAsync(async sp =>
        (await sp.GetRequiredService<MemoryService>().CreateAsync(new MemoryInput("Plage", "", null), new MemoryStream(TestImages.Jpeg(320, 240)), null)).Value!);

    private async Task SwitchAsync(string visibility)
    {
        var put = await factory.CreateKeyClient().SendAsync(HttpMethod.Put, "/api/settings/visibility", new { visibility });
        Assert.Equal(visibility, (await put.JsonAsync()).GetProperty("visibility").GetString());
    }

    [Fact]
    public async Task Private_Closes_Every_Page_Cached_Page_Photo_And_Api_Read_To_Visitors_At_Once()
    {
        await SwitchAsync("public");
        var memory = await MemoryWithPhotoAsync();
        var visitor = factory.CreateBrowser();
        await visitor.GetAsync("/memories");
        Assert.NotNull((await visitor.GetAsync("/memories")).Headers.Age);
        var photo = await visitor.GetAsync(PhotoUrls.Thumbnail(memory));
        Assert.True(photo.Headers.CacheControl is { Public: true, Private: false });

        // Switched by a partner in settings, as the couple would.
        var partner = await factory.SignedInBrowserAsync();
        var settings = await partner.GetPageAsync("/settings");
        await partner.SubmitAsync(settings.Form("form[action*='handler=Visibility']"), submitter: settings.QuerySelector("button[value=Private]") as AngleSharp.Html.Dom.IHtmlElement);
        Assert.Equal(SiteVisibility.Private, factory.Service<VisibilityService>().Current);

        foreach (var page in new[] { "/", "/story", "/memories", $"/memories/{memory.Id}", "/future", "/memories?handler=Items" })
        {
            var response = await visitor.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/login?ReturnUrl=", response.Headers.Location?.ToString());
        }

        var api = factory.CreateApiClient();
        foreach (var read in new[] { "/api/couple-data", "/api/memories", $"/api/memories/{memory.Id}", "/api/perspectives" })
        {
            await (await api.GetAsync(read)).ErrorAsync(HttpStatusCode.Unauthorized);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/openapi/v1.json")).StatusCode);

        var hidden = await visitor.GetAsync(PhotoUrls.Thumbnail(memory));
        var missing = await visitor.GetAsync("/uploads/" + MoiAimerToi.Web.Photos.PhotoNames.NewFullName());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await hidden.Content.ReadAsStringAsync());
        Assert.Null(hidden.Headers.ETag);

        // The couple's accounts still read, photos sent private.
        var seen = await partner.GetAsync(PhotoUrls.Thumbnail(memory));
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.True(seen.Headers.CacheControl is { Private: true, Public: false });
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/memories")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.CreateTokenClientAsync()).GetAsync("/api/memories")).StatusCode);
        await SwitchAsync("public");
    }

    [Fact]
    public async Task What_Must_Stay_Open_Stays_Open_On_A_Private_Site()
    {
        await SwitchAsync("private");
        try
        {
            var visitor = factory.CreateBrowser();
            foreach (var open in new[] { "/login", "/robots.txt", "/healthz", "/readyz", "/api/health", "/sw.js", "/manifest.webmanifest", "/error/404" })
            {
                var response = await visitor.GetAsync(open);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound && !response.Headers.Location?.ToString().Contains("/login") != false, open);
                Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            }

            var login = await factory.CreateApiClient().SendAsync(HttpMethod.Post, "/api/auth/login", new { username = "admin", password = "password" });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }
        finally
        {
            await SwitchAsync("public");
        }
    }

    [Fact]
    public async Task A_Guest_Reads_A_Private_Site()
    {
        if (!(await factory.InScopeAsync(async sp => (await sp.GetRequiredService<Partners>().AccountsAsync()).Values.Any(u => u.UserName == "mamie"))))
        {
            await factory.CreateAccountAsync("mamie", AccountRole.Guest);
        }

        await SwitchAsync("private");
        try
        {
            var guest = await factory.SignedInBrowserAsync("mamie");
            Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync("/memories")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await (await factory.CreateTokenClientAsync("mamie")).GetAsync("/api/memories")).StatusCode);
            await (await (await factory.CreateTokenClientAsync("mamie")).SendAsync(HttpMethod.Put, "/api/settings/visibility", new { visibility = "public" }))
                .ErrorAsync(HttpStatusCode.Forbidden);
        }
        finally
        {
            await SwitchAsync("public");
        }
    }

    [Fact]
    public async Task A_Bad_Visibility_Is_Refused_And_Nothing_Changes()
    {
        var before = factory.Service<VisibilityService>().Current;
        var put = await factory.CreateKeyClient().SendAsync(HttpMethod.Put, "/api/settings/visibility", new { visibility = "secret" });

        Assert.Contains("public", await put.ErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, factory.Service<VisibilityService>().Current);
    }
}

/// <summary>Where a new site starts.</summary>
public class StartingVisibilityTests
{
    [Theory]
    [InlineData("Development", null, SiteVisibility.Public)]
    [InlineData("Production", null, SiteVisibility.Private)]
    [InlineData("Production", "public", SiteVisibility.Public)]
    [InlineData("Development", "private", SiteVisibility.Private)]
    public async Task A_New_Site_Starts_As_Its_Environment_Or_Site_Visibility_Says(string environment, string? setting, SiteVisibility expected)
    {
        await using var factory = environment == "Production" ? new ProductionAppFactory() : new AppFactory();
        factory.Settings["Site:Visibility"] = setting;

        Assert.Equal(expected, factory.Service<VisibilityService>().Current);
        if (expected == SiteVisibility.Private)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().GetAsync("/")).StatusCode);
        }
    }
}
