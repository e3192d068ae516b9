using System.Net;
using System.Resources;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Tests.Pages;

public class LanguageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_Language_Follows_The_Browser()
    {
        var client = factory.CreateBrowser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.8");

        var page = await client.GetPageAsync("/");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Together for", page.Text("#counter h2"));
        Assert.Equal(["Home", "Our story", "Memories", "Our future"], page.QuerySelectorAll("nav a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task The_Switch_Keeps_The_Chosen_Language_In_A_Cookie_And_Returns_To_The_Same_Page()
    {
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/story");
        Assert.Equal("get", page.Form("form.language-switch").Method);
        Assert.NotNull(page.QuerySelector("form.language-switch button[name=culture][value=en]"));
        var returnUrl = page.QuerySelector("form.language-switch input[name=returnUrl]")!.GetAttribute("value");

        var response = await client.GetAsync($"/language?culture=en&returnUrl={Uri.EscapeDataString(returnUrl!)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/story", response.Headers.Location?.OriginalString);
        var after = await client.GetPageAsync("/story");
        Assert.Equal("en", after.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Our story", after.Text("h1"));

        Assert.NotNull(after.QuerySelector("form.language-switch button[name=culture][value=fr]"));
        await client.GetAsync("/language?culture=fr&returnUrl=%2Fstory");
        Assert.Equal("fr", (await client.GetPageAsync("/story")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_Switch_Never_Sends_Anyone_To_Another_Site()
    {
        var client = factory.CreateBrowser();
        var response = await client.GetAsync("/language?culture=en&returnUrl=%2F%2Fevil.example%2F");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Dates_Are_Written_The_Way_Each_Language_Writes_Them()
    {
        factory.Clock.Set(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var french = await factory.CreateBrowser().GetPageAsync("/");
        var englishClient = factory.CreateBrowser();
        englishClient.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await englishClient.GetPageAsync("/");

        var date = DateOnly.Parse(french.QuerySelector("#counter time")!.GetAttribute("datetime")!);
        Assert.Equal(date.ToString("D", new System.Globalization.CultureInfo("fr")), french.Text("#counter time"));
        Assert.Equal(date.ToString("D", new System.Globalization.CultureInfo("en")), english.Text("#counter time"));
        Assert.NotEqual(french.Text("#counter time"), english.Text("#counter time"));
    }
}

public class ResourceTests
{
    [Fact]
    public void Every_French_Text_Has_Its_English_Translation()
    {
        var resources = new ResourceManager(typeof(SharedResource));
        var french = resources.GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, true, false)!
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var english = resources.GetResourceSet(new System.Globalization.CultureInfo("en"), true, false)!
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

        Assert.NotEmpty(french);
        Assert.Empty(french.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(french.Keys));
        Assert.All(english, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
    }
}
