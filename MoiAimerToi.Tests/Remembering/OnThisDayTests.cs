using System.Net;
using System.Net.Http.Json;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Tests.Remembering;

/// <summary>« Ce jour-là » on the home page and <c>GET /api/on-this-day</c>: earlier years only, "just us" for the partners only.</summary>
public class OnThisDayTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task SeedAsync()
    {
        // 14 July 2026, 10:00 in Paris.
        factory.Clock.Set(new DateTimeOffset(2026, 7, 14, 8, 0, 0, TimeSpan.Zero));
        await factory.Service<VisibilityService>().SetAsync(SiteVisibility.Public, null);
        var key = factory.CreateKeyClient();
        var existing = await (await key.GetAsync("/api/memories")).JsonAsync();
        if (existing.EnumerateArray().Any(m => m.GetProperty("title").GetString() == "Feu d’artifice"))
        {
            return; // Seeded by an earlier test of this class: the site is the class's.
        }

        foreach (var (title, day, justUs) in new[]
        {
            ("Feu d’artifice", "2024-07-14", false), ("Rien que nous", "2023-07-14", true),
            ("Cette année", "2026-07-14", false), ("Le lendemain", "2024-07-15", false),
        })
        {
            var response = await key.PostAsJsonAsync("/api/memories", new { title, taken_on = day, just_us = justUs });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_Home_Page_Shows_This_Day_In_Earlier_Years_In_French_And_English()
    {
        await SeedAsync();
        var partner = await factory.SignedInBrowserAsync();

        var page = await partner.GetPageAsync("/");

        Assert.Equal("Ce jour-là", page.Text("#on-this-day-title"));
        Assert.Equal(["Il y a 2 ans aujourd’hui", "Il y a 3 ans aujourd’hui"], page.QuerySelectorAll(".on-this-day-when").Select(e => e.TextContent.Trim()));
        Assert.Equal(["Feu d’artifice", "Rien que nous"], page.QuerySelectorAll(".on-this-day-title").Select(e => e.TextContent.Trim()));

        var english = factory.CreateBrowser();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var visitor = await english.GetPageAsync("/");
        Assert.Equal("On this day", visitor.Text("#on-this-day-title"));
        Assert.Equal(["2 years ago today"], visitor.QuerySelectorAll(".on-this-day-when").Select(e => e.TextContent.Trim()));
        // The "just us" memory is not there for a visitor, not even its title.
        Assert.DoesNotContain("Rien que nous", visitor.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task The_Api_Hides_Just_Us_Memories_From_Visitors_And_Gives_Them_To_Partners()
    {
        await SeedAsync();

        var visitor = await (await factory.CreateApiClient().GetAsync("/api/on-this-day")).JsonAsync();
        // The key rather than a token: a token made by this site's clock (July) has expired by the real one.
        var partner = await (await factory.CreateKeyClient().GetAsync("/api/on-this-day")).JsonAsync();

        Assert.Equal(["Feu d’artifice"], visitor.EnumerateArray().Select(m => m.GetProperty("title").GetString()));
        Assert.Equal(["Feu d’artifice", "Rien que nous"], partner.EnumerateArray().Select(m => m.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Nothing_Is_Shown_On_A_Day_Without_Memories_And_A_Leap_Day_Comes_Back_On_The_28th()
    {
        await SeedAsync();
        factory.Clock.Set(new DateTimeOffset(2026, 7, 20, 8, 0, 0, TimeSpan.Zero));
        Assert.Null((await factory.CreateBrowser().GetPageAsync("/")).QuerySelector(".on-this-day"));
        Assert.Empty((await (await factory.CreateApiClient().GetAsync("/api/on-this-day")).JsonAsync()).EnumerateArray());

        // A write empties the visitors' cache, as a new day would.
        var added = await factory.CreateKeyClient().PostAsJsonAsync("/api/memories", new { title = "Un jour rare", taken_on = "2024-02-29" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        factory.Clock.Set(new DateTimeOffset(2027, 2, 28, 8, 0, 0, TimeSpan.Zero));
        var page = await factory.CreateBrowser().GetPageAsync("/");
        Assert.Equal(["Un jour rare"], page.QuerySelectorAll(".on-this-day-title").Select(e => e.TextContent.Trim()));
    }
}
