using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Hosting;

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
