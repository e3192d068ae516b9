using System.Net;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Perspectives;

namespace MoiAimerToi.Tests.Pages.Future;

public class IndexTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task<IReadOnlyList<Perspective>> SavedAsync() =>
        factory.InScopeAsync(sp => sp.GetRequiredService<PerspectiveService>().ListAsync());

    [Fact]
    public async Task The_Two_Perspectives_Stand_Side_By_Side_Even_Before_Being_Written()
    {
        var page = await factory.CreateBrowser().GetPageAsync("/future");

        Assert.Equal(["Moi", "Toi"], page.QuerySelectorAll(".perspective h2").Select(h => h.TextContent));
        Assert.NotNull(page.QuerySelector("#perspective-1"));
        Assert.NotNull(page.QuerySelector("#perspective-2"));
    }

    [Theory]
    [InlineData(1, "Un voyage au Japon.")]
    [InlineData(2, "Une maison avec un jardin.")]
    public async Task Post_Save_ReturnsTextPartial_WhenHtmx_And_Writes_That_Perspective_Only(int number, string dream)
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/future");
        var form = (await Html.ParseFragmentAsync(await client.HtmxGetAsync(page.HxGet($"#perspective-{number} .edit-button")))).Form($"form#perspective-{number}");

        var response = await client.HtmxSubmitAsync(form, page.HtmxToken(), new Dictionary<string, string> { ["Text.Value"] = dream });

        Assert.Equal(dream, (await Html.ParseFragmentAsync(response)).Text($"#perspective-{number} .prose"));
        var saved = await SavedAsync();
        Assert.Equal(dream, saved.Single(p => p.Number == number).Content);
        Assert.Equal(saved.Count, saved.Select(p => p.Number).Distinct().Count());
    }

    [Fact]
    public async Task A_Perspective_Edit_Works_Without_JavaScript()
    {
        var client = await factory.SignedInBrowserAsync();
        var editPage = await client.GetPageAsync((await client.GetPageAsync("/future")).QuerySelector("#perspective-2 .edit-button")!.GetAttribute("href")!);
        Assert.NotNull(editPage.QuerySelector("form#perspective-2"));
        Assert.Null(editPage.QuerySelector("form#perspective-1"));

        var response = await client.SubmitAsync(editPage.Form("form#perspective-2"), new Dictionary<string, string> { ["Text.Value"] = "Vieillir ensemble." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/future", response.Headers.Location?.OriginalString);
        Assert.Equal("Vieillir ensemble.", (await SavedAsync()).Single(p => p.Number == 2).Content);
    }

    [Fact]
    public async Task There_Is_No_Third_Perspective()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/future");

        var response = await client.HtmxPostAsync("/future?handler=Save&number=3", page.HtmxToken(), [new("Text.Value", "?")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(await SavedAsync(), p => p.Number == 3);
    }
}
