using System.Net;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Couple;

namespace MoiAimerToi.Tests.Pages.Story;

public class IndexTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<string> SavedAsync() =>
        (await factory.InScopeAsync(sp => sp.GetRequiredService<CoupleService>().GetAsync())).IntroText;

    [Fact]
    public async Task Post_Save_ReturnsTextPartial_WhenHtmx()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/story");
        var form = (await Html.ParseFragmentAsync(await client.HtmxGetAsync(page.HxGet("#intro .edit-button")))).Form("form#intro");
        Assert.Equal(await SavedAsync(), form.QuerySelector("textarea")?.TextContent);

        var response = await client.HtmxSubmitAsync(form, page.HtmxToken(), new Dictionary<string, string>
        {
            ["Text.Value"] = "Un soir de juin, à Lyon.\n\nIl pleuvait.",
        });

        var shown = await Html.ParseFragmentAsync(response);
        Assert.Equal(["Un soir de juin, à Lyon.", "Il pleuvait."], shown.QuerySelectorAll("#intro .prose p").Select(p => p.TextContent));
        Assert.Equal("Un soir de juin, à Lyon.\n\nIl pleuvait.", await SavedAsync());
    }

    [Fact]
    public async Task Cancelling_Shows_The_Saved_Text_Again()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/story");
        var form = (await Html.ParseFragmentAsync(await client.HtmxGetAsync(page.HxGet("#intro .edit-button")))).Form("form#intro");

        var cancelled = await Html.ParseFragmentAsync(await client.HtmxGetAsync(form.QuerySelector("a[hx-get]")!.GetAttribute("hx-get")!));

        Assert.NotNull(cancelled.QuerySelector("div#intro .prose"));
    }

    [Fact]
    public async Task The_Story_Edit_Works_Without_JavaScript()
    {
        var client = await factory.SignedInBrowserAsync();
        var editPage = await client.GetPageAsync((await client.GetPageAsync("/story")).QuerySelector("#intro .edit-button")!.GetAttribute("href")!);

        var response = await client.SubmitAsync(editPage.Form("form#intro"), new Dictionary<string, string> { ["Text.Value"] = "Au café du coin." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/story", response.Headers.Location?.OriginalString);
        Assert.Equal("Au café du coin.", await SavedAsync());
    }

    [Fact]
    public async Task An_Over_Long_Story_Is_Refused_And_Nothing_Is_Saved()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/story");
        var before = await SavedAsync();

        var response = await client.HtmxPostAsync("/story?handler=Save", page.HtmxToken(), [new("Text.Value", new string('a', CoupleData.IntroTextMaxLength + 1))]);

        Assert.Contains("20000", (await Html.ParseFragmentAsync(response)).Text("#intro-text-error"));
        Assert.Equal(before, await SavedAsync());
    }
}
