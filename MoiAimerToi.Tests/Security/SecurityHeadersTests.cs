using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Security;

public class SecurityHeadersTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/memories")]
    [InlineData("/login")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    public async Task Every_Answer_Carries_A_Strict_Content_Security_Policy_And_Friends(string url)
    {
        var response = await factory.CreateBrowser().GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("geolocation=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }

    [Fact]
    public async Task Htmx_Is_Configured_To_Need_Neither_Eval_Nor_Inline_Styles()
    {
        var page = await factory.CreateBrowser().GetPageAsync("/");

        var config = System.Text.Json.JsonDocument.Parse(page.QuerySelector("meta[name=htmx-config]")!.GetAttribute("content")!).RootElement;
        Assert.False(config.GetProperty("allowEval").GetBoolean());
        Assert.False(config.GetProperty("includeIndicatorStyles").GetBoolean());
        Assert.False(config.GetProperty("allowScriptTags").GetBoolean());
        Assert.Empty(page.QuerySelectorAll("[hx-on], [style], script:not([src])"));
    }

    [Fact]
    public void Kestrel_Does_Not_Announce_Itself()
    {
        Assert.False(factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }
}

/// <summary>The real sign-in limit, low, so a test can reach it.</summary>
public sealed class LowLoginLimit : AppFactory
{
    public LowLoginLimit() => Settings["RateLimits:LoginPerMinute"] = "3";
}

public class LoginRateLimitTests(LowLoginLimit factory) : IClassFixture<LowLoginLimit>
{
    [Fact]
    public async Task Too_Many_Sign_In_Attempts_Get_A_429_With_Retry_After_But_The_Form_Still_Loads()
    {
        var client = factory.CreateBrowser();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(password: "wrong" + i)).StatusCode);
        }

        var throttled = await client.SignInAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(int.Parse(throttled.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
    }
}

public class ProductionSecurityTests(ProductionAppFactory factory) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task Outside_Development_Https_Answers_Carry_Hsts_And_The_Sign_In_Cookie_Is_Secure()
    {
        // HSTS is never sent for localhost, so this visitor comes by the site's public name.
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://moiaimertoi.example"),
            AllowAutoRedirect = false,
        });

        var page = await client.GetAsync("/");
        var signIn = await client.SignInAsync(ProductionAppFactory.AdminUser, ProductionAppFactory.AdminPassword);

        Assert.Contains("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single());
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("moiaimertoi.auth="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

public class ApiLoginRateLimitTests(LowLoginLimit factory) : IClassFixture<LowLoginLimit>
{
    [Fact]
    public async Task Too_Many_Api_Logins_Get_A_Json_429_With_Retry_After()
    {
        var client = factory.CreateClient();
        HttpResponseMessage response = null!;
        for (var i = 0; i < 4; i++)
        {
            response = await client.PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new { username = "admin", password = "wrong" + i }));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) > 0);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("error").GetString()));
    }
}

public sealed class LowUploadLimit : AppFactory
{
    public LowUploadLimit() => Settings["RateLimits:UploadsPerMinute"] = "2";
}

public class UploadRateLimitTests(LowUploadLimit factory) : IClassFixture<LowUploadLimit>
{
    [Fact]
    public async Task Too_Many_Uploads_Get_A_429_With_Retry_After_On_The_Api_And_The_Page()
    {
        var api = Api.ApiClient.CreateKeyClient(factory);
        HttpResponseMessage response = null!;
        for (var i = 0; i < 3; i++)
        {
            using var form = Api.MemoryPhotosApiTests.PhotoForm(Photos.TestImages.Jpeg(32, 32));
            response = await api.PutAsync("/api/memories/999", form);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.Contains("Retry-After"));

        var browser = await factory.SignedInBrowserAsync();
        var page = await browser.GetPageAsync("/memories");
        for (var i = 0; i < 2; i++)
        {
            response = await browser.SubmitAsync(page.Form("#memory-new form"), new Dictionary<string, string> { ["Input.Title"] = "Encore" });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/memories")).StatusCode);
    }
}
