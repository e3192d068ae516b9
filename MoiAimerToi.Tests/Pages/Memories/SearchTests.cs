using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Tests.Pages.Memories;

public class SearchTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] Titles = ["Été à Annecy", "Noël au chalet", "Un cœur sur le sable", "Lake in summer", "Marché du dimanche"];

    private async Task SeedAsync() => await factory.InScopeAsync(async sp =>
    {
        var memories = sp.GetRequiredService<MemoryService>();
        if ((await memories.ListAsync()).Count == 0)
        {
            foreach (var title in Titles)
            {
                await memories.CreateAsync(new MemoryInput(title, title == "Lake in summer" ? "The water was warm, l’eau était bonne." : "", null), null, null);
            }
        }

        return 0;
    });

    [Theory]
    [InlineData("ete", "Été à Annecy")]
    [InlineData("ÉTÉ", "Été à Annecy")]
    [InlineData("été", "Été à Annecy")]
    [InlineData("noel", "Noël au chalet")]
    [InlineData("NOËL", "Noël au chalet")]
    [InlineData("coeur", "Un cœur sur le sable")]
    [InlineData("cœur", "Un cœur sur le sable")]
    [InlineData("annecy ete", "Été à Annecy")]
    [InlineData("summer LAKE", "Lake in summer")]
    [InlineData("etait warm", "Lake in summer")]
    [InlineData("marche", "Marché du dimanche")]
    public async Task Case_Accents_And_Word_Order_Do_Not_Matter(string search, string found)
    {
        await SeedAsync();

        var page = await factory.CreateBrowser().GetPageAsync("/memories?q=" + Uri.EscapeDataString(search));

        Assert.Equal([found], page.QuerySelectorAll(".memory-title").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public async Task A_Word_That_Is_Nowhere_Finds_Nothing_And_Says_So()
    {
        await SeedAsync();

        var fragment = await Html.ParseFragmentAsync(await factory.CreateBrowser().HtmxGetAsync("/memories?handler=Items&q=" + Uri.EscapeDataString("hiver")));

        Assert.Empty(fragment.QuerySelectorAll(".memory-title"));
        Assert.NotNull(fragment.QuerySelector(".empty-note"));
    }

    [Fact]
    public async Task A_Changed_Title_Is_Searched_By_Its_New_Words()
    {
        await SeedAsync();
        await factory.InScopeAsync(async sp =>
        {
            var memories = sp.GetRequiredService<MemoryService>();
            var market = (await memories.ListAsync()).Single(m => m.Title.StartsWith("Marché", StringComparison.Ordinal));
            return await memories.UpdateAsync(market.Id, new MemoryInput("Marché de Pâques", null, null), null, null);
        });

        var page = await factory.CreateBrowser().GetPageAsync("/memories?q=paques");

        Assert.Equal(["Marché de Pâques"], page.QuerySelectorAll(".memory-title").Select(t => t.TextContent.Trim()));
    }
}
