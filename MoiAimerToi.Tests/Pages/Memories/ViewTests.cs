using System.Net;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Tests.Pages.Memories;

public class ViewTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task<Memory> AddAsync(string title, string takenOn) =>
        factory.InScopeAsync(async sp => (await sp.GetRequiredService<MemoryService>().CreateAsync(new MemoryInput(title, "Texte de " + title, takenOn), null, null)).Value!);

    [Fact]
    public async Task The_Large_View_Shows_One_Memory_With_Links_To_The_Newer_And_Older_Ones()
    {
        var oldest = await AddAsync("Vue 1", "2001-01-01");
        var middle = await AddAsync("Vue 2", "2001-06-01");
        var newest = await AddAsync("Vue 3", "2001-12-01");

        var page = await factory.CreateBrowser().GetPageAsync($"/memories/{middle.Id}");

        Assert.Equal("Vue 2", page.Text("h1"));
        Assert.Equal("Texte de Vue 2", page.Text(".viewer .prose"));
        Assert.Equal($"/memories/{newest.Id}", page.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal($"/memories/{oldest.Id}", page.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        var first = await factory.CreateBrowser().GetPageAsync($"/memories/{oldest.Id}");
        Assert.Null(first.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task An_Unknown_Memory_Is_Not_Found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync("/memories/987654")).StatusCode);
    }

    [Fact]
    public async Task Every_Card_Title_Leads_To_Its_Large_View()
    {
        var memory = await AddAsync("Lien", "2002-02-02");

        var gallery = await factory.CreateBrowser().GetPageAsync("/memories");

        Assert.Equal($"/memories/{memory.Id}", gallery.QuerySelector($"#memory-{memory.Id} .memory-title a")?.GetAttribute("href"));
    }
}

public class GalleryPagingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Beyond_Sixty_Memories_The_Rest_Loads_As_The_Visitor_Scrolls()
    {
        await factory.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<MemoryService>();
            for (var i = 0; i < 61; i++)
            {
                await service.CreateAsync(new MemoryInput($"Jour {i}", "", new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd")), null, null);
            }

            return 0;
        });
        var client = factory.CreateBrowser();

        var page = await client.GetPageAsync("/memories");
        Assert.Equal(60, page.QuerySelectorAll(".memory-card").Length);
        var more = page.QuerySelector(".load-more")!;
        Assert.Equal("revealed", more.GetAttribute("hx-trigger"));
        Assert.Equal("/memories?p=2", more.QuerySelector("a")?.GetAttribute("href"));

        var next = await Html.ParseFragmentAsync(await client.HtmxGetAsync(more.GetAttribute("hx-get")!));
        Assert.Equal(["Jour 0"], next.QuerySelectorAll(".memory-title").Select(t => t.TextContent));
        Assert.Empty(next.QuerySelectorAll(".year-heading"));
        Assert.Null(next.QuerySelector(".load-more"));
    }

}

public class GallerySearchTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Search_Finds_Memories_By_Any_Word_Of_Title_Or_Description()
    {
        await factory.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<MemoryService>();
            await service.CreateAsync(new MemoryInput("Plage de Biarritz", "Les vagues", "2021-08-01"), null, null);
            await service.CreateAsync(new MemoryInput("Noël", "Chez mamie, avec la plage en photo", "2021-12-25"), null, null);
            return 0;
        });
        var client = factory.CreateBrowser();

        var found = await client.GetPageAsync("/memories?q=plage");
        Assert.Equal(["Noël", "Plage de Biarritz"], found.QuerySelectorAll(".memory-title").Select(t => t.TextContent));
        Assert.Equal("plage", found.QuerySelector("#memory-search")?.GetAttribute("value"));

        var both = await Html.ParseFragmentAsync(await client.HtmxGetAsync("/memories?handler=Items&q=plage%20vagues"));
        Assert.Equal(["Plage de Biarritz"], both.QuerySelectorAll(".memory-title").Select(t => t.TextContent));

        var none = await Html.ParseFragmentAsync(await client.HtmxGetAsync("/memories?handler=Items&q=introuvable"));
        Assert.Equal("Aucun souvenir ne correspond à cette recherche.", none.Text(".empty-note"));
    }
}
