using System.Net;
using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Pages;

public class VisitorTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/", "Accueil")]
    [InlineData("/story", "Notre rencontre")]
    [InlineData("/memories", "Nos souvenirs")]
    [InlineData("/future", "Notre avenir")]
    public async Task Every_Section_Renders_For_A_Visitor_In_French_With_The_Navigation(string url, string title)
    {
        var page = await factory.CreateBrowser().GetPageAsync(url);

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith(title, page.Title);
        var nav = page.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/story", "/memories", "/future"], nav);
        Assert.Equal(url, page.QuerySelector("nav a[aria-current=page]")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/story")]
    [InlineData("/memories")]
    [InlineData("/future")]
    public async Task A_Visitor_Sees_No_Edit_Controls_But_A_Sign_In_Link(string url)
    {
        var page = await factory.CreateBrowser().GetPageAsync(url);

        Assert.Empty(page.QuerySelectorAll(".edit-button, .card-actions, #memory-new, [hx-post]"));
        Assert.NotNull(page.QuerySelector("a[href^='/login']"));
    }

    [Fact]
    public async Task The_Home_Page_Shows_The_Welcome_Message_And_A_Server_Rendered_Counter()
    {
        factory.Clock.Set(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var couple = await factory.InScopeAsync(sp => sp.GetRequiredService<MoiAimerToi.Web.Couple.CoupleService>().GetAsync());

        var page = await factory.CreateBrowser().GetPageAsync("/");

        Assert.Contains("Bienvenue chez nous", page.Text("#home-message"));
        var time = page.QuerySelector("#counter time");
        Assert.Equal(couple.StartDate.ToString("yyyy-MM-dd"), time?.GetAttribute("datetime"));
        Assert.Equal(["years", "months", "days", "hours", "minutes", "seconds"],
            page.QuerySelectorAll("#counter .counter-units [data-unit]").Select(e => e.GetAttribute("data-unit")));
        Assert.All(page.QuerySelectorAll("#counter .counter-units [data-unit]"), e => Assert.Matches(@"^\d+$", e.TextContent));
        Assert.NotNull(page.QuerySelector("#counter .next-occasion .occasion:not([hidden]) .occasion-when"));
    }

    [Fact]
    public async Task The_Counter_Shows_The_Figures_Of_The_Couples_Clock()
    {
        factory.Clock.Set(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var start = await factory.InScopeAsync(sp => sp.GetRequiredService<MoiAimerToi.Web.Couple.CoupleService>().GetAsync());
        var expected = MoiAimerToi.Web.Couple.TimeTogether.Between(
            start.StartDate, factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

        var page = await factory.CreateBrowser().GetPageAsync("/");

        Assert.Equal(expected.Years.ToString(), page.Text("[data-unit=years]"));
        Assert.Equal(expected.Days.ToString(), page.Text("[data-unit=days]"));
        Assert.Equal(expected.Hours.ToString(), page.Text("[data-unit=hours]"));
    }

    [Fact]
    public async Task The_Pages_Load_Htmx_From_The_Site_Itself()
    {
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/");

        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.All(scripts, src => Assert.StartsWith("/", src));
        Assert.Contains(scripts, src => src.StartsWith("/lib/htmx/htmx.min."));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(scripts.Single(src => src.StartsWith("/lib/htmx/")))).StatusCode);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task An_Unknown_Page_Answers_404_With_A_Friendly_Page()
    {
        var response = await factory.CreateBrowser().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Page introuvable", page.Text("h1"));
    }

    [Fact]
    public async Task Setup_Does_Not_Exist_Once_An_Account_Exists()
    {
        var response = await factory.CreateBrowser().GetAsync("/setup");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
