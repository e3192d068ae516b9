using System.Net;
using System.Text.Json;
using MoiAimerToi.Tests.Infrastructure;
using SixLabors.ImageSharp;

namespace MoiAimerToi.Tests.Pages;

public class PwaTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/story")]
    [InlineData("/login")]
    public async Task Every_Page_Links_The_Manifest_The_Apple_Icon_And_The_Worker_Registration(string url)
    {
        var page = await factory.CreateBrowser().GetPageAsync(url);

        Assert.Matches(@"^/manifest\.[0-9a-z]+\.webmanifest$", page.QuerySelector("head link[rel=manifest]")?.GetAttribute("href"));
        Assert.Matches(@"^/icons/apple-touch-icon\.[0-9a-z]+\.png$", page.QuerySelector("head link[rel=apple-touch-icon]")?.GetAttribute("href"));
        var registration = page.QuerySelector("head script[src^='/js/pwa.']");
        Assert.NotNull(registration);
        Assert.True(registration.HasAttribute("defer"));
    }

    [Fact]
    public async Task The_Manifest_Describes_An_Installable_App_Whose_Icons_Exist()
    {
        var client = factory.CreateBrowser();
        var response = await client.GetAsync("/manifest.webmanifest");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Moi AIMER Toi", manifest.GetProperty("name").GetString());
        Assert.Equal("Moi ♥ Toi", manifest.GetProperty("short_name").GetString());
        Assert.Equal("fr", manifest.GetProperty("lang").GetString());
        Assert.Equal("/", manifest.GetProperty("start_url").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.Equal("#c2185b", manifest.GetProperty("theme_color").GetString());
        Assert.Equal("#fff5f7", manifest.GetProperty("background_color").GetString());

        var icons = manifest.GetProperty("icons").EnumerateArray().Select(icon => (
            Src: icon.GetProperty("src").GetString()!,
            Sizes: icon.GetProperty("sizes").GetString()!,
            Type: icon.GetProperty("type").GetString(),
            Purpose: icon.TryGetProperty("purpose", out var purpose) ? purpose.GetString() : "any")).ToList();
        Assert.Contains(icons, icon => icon.Sizes == "192x192" && icon.Purpose == "any");
        Assert.Contains(icons, icon => icon.Sizes == "512x512" && icon.Purpose == "any");
        Assert.Contains(icons, icon => icon.Purpose == "maskable");
        foreach (var icon in icons)
        {
            Assert.Equal("image/png", icon.Type);
            await AssertPngAsync(client, icon.Src, icon.Sizes);
        }
    }

    [Fact]
    public async Task The_Apple_Touch_Icon_Is_A_180_Pixel_Png()
    {
        await AssertPngAsync(factory.CreateBrowser(), "/icons/apple-touch-icon.png", "180x180");
    }

    [Fact]
    public async Task The_Service_Worker_Is_Served_From_The_Root_As_JavaScript()
    {
        var response = await factory.CreateBrowser().GetAsync("/sw.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentType?.MediaType, new[] { "text/javascript", "application/javascript" });
        // Kept an hour, so that the browser's update check does not ask the network on every navigation.
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task The_Offline_Page_Is_A_Static_French_Page_With_The_Site_Stylesheet()
    {
        var response = await factory.CreateBrowser().GetAsync("/offline.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await Html.ParseAsync(response);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("/css/site.css", page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href"));
        Assert.Equal("Hors ligne", page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("[lang=en]"));
        Assert.Empty(page.QuerySelectorAll("script, [style]"));
    }

    private static async Task AssertPngAsync(HttpClient client, string url, string sizes)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var image = Image.Identify(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(sizes, $"{image.Width}x{image.Height}");
    }
}
