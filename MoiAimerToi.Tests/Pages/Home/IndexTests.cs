using System.Net;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Couple;

namespace MoiAimerToi.Tests.Pages.Home;

public class IndexTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task<CoupleData> SavedAsync() => factory.InScopeAsync(sp => sp.GetRequiredService<CoupleService>().GetAsync());

    [Fact]
    public async Task Get_EditMessage_ReturnsFormPartial_Then_Post_SaveMessage_ReturnsTextPartial_WhenHtmx()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/");

        var formResponse = await client.HtmxGetAsync(page.HxGet("#home-message .edit-button"));
        Assert.Contains("HX-Request", formResponse.Headers.Vary);
        var fragment = await Html.ParseFragmentAsync(formResponse);
        var form = fragment.Form("form#home-message");
        Assert.Null(fragment.QuerySelector("header"));

        var saved = await client.HtmxSubmitAsync(form, page.HtmxToken(), new Dictionary<string, string> { ["Text.Value"] = "Toi et moi,\npour toujours." });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var shown = await Html.ParseFragmentAsync(saved);
        Assert.Equal("Toi et moi,pour toujours.", shown.Text("#home-message .prose"));
        Assert.Single(shown.QuerySelectorAll("#home-message .prose br"));
        Assert.Equal("Toi et moi,\npour toujours.", (await SavedAsync()).HomeMessage);
    }

    [Fact]
    public async Task The_Message_Edit_Works_Without_JavaScript()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/");
        var editUrl = page.QuerySelector("#home-message .edit-button")!.GetAttribute("href")!;

        var editPage = await client.GetPageAsync(editUrl);
        Assert.NotNull(editPage.QuerySelector("header.site-header"));
        var response = await client.SubmitAsync(editPage.Form("form#home-message"), new Dictionary<string, string> { ["Text.Value"] = "Sans JavaScript aussi." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal("Sans JavaScript aussi.", (await client.GetPageAsync("/")).Text("#home-message .prose"));
    }

    [Fact]
    public async Task An_Over_Long_Message_Is_Refused_Next_To_The_Field_Keeping_What_Was_Typed()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/");
        var before = (await SavedAsync()).HomeMessage;
        var tooLong = new string('♥', CoupleData.HomeMessageMaxLength + 1);

        var response = await client.HtmxPostAsync("/?handler=SaveMessage", page.HtmxToken(), [new("Text.Value", tooLong)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = await Html.ParseFragmentAsync(response);
        Assert.Equal("Message d’accueil ne peut dépasser 2000 caractères.", fragment.Text("#home-message-text-error"));
        Assert.Equal("true", fragment.QuerySelector("textarea")?.GetAttribute("aria-invalid"));
        Assert.Equal(tooLong, fragment.QuerySelector("textarea")?.TextContent);
        Assert.Equal(before, (await SavedAsync()).HomeMessage);
    }

    [Fact]
    public async Task Post_SaveStartDate_ReturnsCounterPartial_WhenHtmx()
    {
        factory.Clock.Set(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/");
        var form = (await Html.ParseFragmentAsync(await client.HtmxGetAsync(page.HxGet("#counter .edit-button")))).Form("form#counter");

        var response = await client.HtmxSubmitAsync(form, page.HtmxToken(), new Dictionary<string, string> { ["Start.StartDate"] = "2021-02-14" });

        var counter = await Html.ParseFragmentAsync(response);
        Assert.Equal("2021-02-14", counter.QuerySelector("#counter time")?.GetAttribute("datetime"));
        Assert.Equal("dimanche 14 février 2021", counter.Text("#counter time"));
        Assert.Equal("5", counter.Text("[data-unit=years]"));
        Assert.Equal("9", counter.Text("[data-unit=months]"));
        Assert.Equal("11", counter.Text("[data-unit=days]"));
        Assert.Equal(new DateOnly(2021, 2, 14), (await SavedAsync()).StartDate);
    }

    [Theory]
    [InlineData("2099-01-01", "Date de début ne peut pas être dans le futur.")]
    [InlineData("14/02/2021", "Date de début doit être une date valide (AAAA-MM-JJ).")]
    [InlineData("2021-02-30", "Date de début doit être une date valide (AAAA-MM-JJ).")]
    [InlineData("", "Date de début doit être une date valide (AAAA-MM-JJ).")]
    public async Task A_Wrong_Start_Date_Is_Refused_And_Nothing_Is_Saved(string typed, string message)
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/");
        var before = (await SavedAsync()).StartDate;

        var response = await client.HtmxPostAsync("/?handler=SaveStartDate", page.HtmxToken(), [new("Start.StartDate", typed)]);

        var fragment = await Html.ParseFragmentAsync(response);
        Assert.Equal(message, fragment.Text("#start-date-error"));
        Assert.Equal(typed, fragment.QuerySelector("#start-date")?.GetAttribute("value"));
        Assert.Equal(before, (await SavedAsync()).StartDate);
    }

    [Fact]
    public async Task The_Start_Date_Edit_Works_Without_JavaScript_And_Errors_Show_In_The_Whole_Page()
    {
        var client = await factory.SignedInBrowserAsync();
        var editPage = await client.GetPageAsync((await client.GetPageAsync("/")).QuerySelector("#counter .edit-button")!.GetAttribute("href")!);

        var refused = await client.SubmitAsync(editPage.Form("form#counter"), new Dictionary<string, string> { ["Start.StartDate"] = "2099-12-31" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await Html.ParseAsync(refused);
        Assert.NotNull(refusedPage.QuerySelector("header.site-header"));
        Assert.Equal("Date de début ne peut pas être dans le futur.", refusedPage.Text("#start-date-error"));

        var saved = await client.SubmitAsync(refusedPage.Form("form#counter"), new Dictionary<string, string> { ["Start.StartDate"] = "2019-06-21" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new DateOnly(2019, 6, 21), (await SavedAsync()).StartDate);
    }
}
