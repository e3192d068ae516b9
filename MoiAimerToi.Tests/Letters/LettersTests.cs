using System.Net;
using System.Net.Http.Json;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Tests.Letters;

/// <summary>
/// Sealed letters: until their day only the author reads them (not the other partner, a guest, a visitor, the key,
/// a file address or the other's export); from that day the one they are for reads them, and they no longer change.
/// </summary>
public class LettersTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Words = "Ouvre-la le jour de nos cinq ans.";

    private async Task<(HttpClient Alex, HttpClient Sam, HttpClient AlexApi, HttpClient SamApi, DateOnly Today)> StartAsync()
    {
        factory.Clock.Set(DateTimeOffset.UtcNow);
        await factory.Service<VisibilityService>().SetAsync(SiteVisibility.Public, null);
        if (await factory.InScopeAsync(s => s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByNameAsync("sam")) is null)
        {
            await factory.CreateAccountAsync("sam", AccountRole.Partner, perspectiveNumber: 2, displayName: "Sam");
            await factory.CreateAccountAsync("mamie", AccountRole.Guest);
        }

        return (await factory.SignedInBrowserAsync(), await factory.SignedInBrowserAsync("sam"),
            await factory.CreateTokenClientAsync(), await factory.CreateTokenClientAsync("sam"), factory.Service<CoupleClock>().Today);
    }

    [Fact]
    public async Task Only_The_Author_Reads_A_Sealed_Letter_Until_Its_Day_Then_The_One_It_Is_For_Reads_It_And_It_No_Longer_Changes()
    {
        var (_, _, alex, sam, today) = await StartAsync();
        var past = await alex.PostAsJsonAsync("/api/letters", new { to = "partner", content = Words, opens_on = today.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await past.JsonAsync()).GetProperty("errors").TryGetProperty("opens_on", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await alex.PostAsJsonAsync("/api/letters", new { to = "everyone", content = Words, opens_on = today.AddDays(2).ToString("yyyy-MM-dd") })).StatusCode);

        var written = await alex.PostAsJsonAsync("/api/letters", new { to = "partner", content = Words, opens_on = today.AddDays(2).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        var id = (await written.JsonAsync()).GetProperty("id").GetInt32();

        var forSam = (await (await sam.GetAsync("/api/letters")).JsonAsync()).EnumerateArray().Single(l => l.GetProperty("id").GetInt32() == id);
        Assert.True(forSam.GetProperty("sealed").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, forSam.GetProperty("content").ValueKind);
        Assert.Equal(Words, (await (await alex.GetAsync("/api/letters")).JsonAsync()).EnumerateArray().Single(l => l.GetProperty("id").GetInt32() == id).GetProperty("content").GetString());
        foreach (var stranger in new[] { factory.CreateApiClient(), factory.CreateKeyClient(), await factory.CreateTokenClientAsync("mamie") })
        {
            var body = await (await stranger.GetAsync("/api/letters")).Content.ReadAsStringAsync();
            Assert.DoesNotContain(Words, body);
            Assert.Equal("[]", body);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await sam.PutAsJsonAsync($"/api/letters/{id}", new { to = "partner", content = "Changée", opens_on = today.AddDays(3).ToString("yyyy-MM-dd") })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.DeleteAsync($"/api/letters/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.CreateTokenClientAsync("mamie")).DeleteAsync($"/api/letters/{id}")).StatusCode); // Not a partner.
        var changed = await alex.PutAsJsonAsync($"/api/letters/{id}", new { to = "both", content = Words, opens_on = today.AddDays(2).ToString("yyyy-MM-dd") });
        Assert.Equal("both", (await changed.JsonAsync()).GetProperty("to").GetString());

        factory.Clock.Set(DateTimeOffset.UtcNow.AddDays(3));
        var opened = (await (await sam.GetAsync("/api/letters")).JsonAsync()).EnumerateArray().Single(l => l.GetProperty("id").GetInt32() == id);
        Assert.False(opened.GetProperty("sealed").GetBoolean());
        Assert.Equal(Words, opened.GetProperty("content").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await alex.PutAsJsonAsync($"/api/letters/{id}", new { to = "both", content = "Trop tard", opens_on = today.AddDays(5).ToString("yyyy-MM-dd") })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await alex.DeleteAsync($"/api/letters/{id}")).StatusCode);
        Assert.Equal("[]", await (await factory.CreateTokenClientAsync("mamie")).GetStringAsync("/api/letters"));
    }

    [Fact]
    public async Task A_Letter_With_A_Photo_Is_Sealed_Everywhere_Then_Opens_On_The_Home_Page_Of_The_One_It_Is_For()
    {
        var (alex, sam, alexApi, samApi, today) = await StartAsync();
        var page = await alex.GetPageAsync("/letters");

        var refused = await Html.ParseAsync(await alex.SubmitAsync(page.Form("#write form"), new Dictionary<string, string>
        {
            ["Input.Content"] = "Un mot doux", ["Input.OpensOn"] = today.ToString("yyyy-MM-dd"),
        }));
        Assert.Contains("doit être dans le futur", refused.Text("#letter-opens-on-error"));
        Assert.Equal("Un mot doux", refused.QuerySelector("#letter-content")!.TextContent);

        var sent = await alex.SubmitWithFileAsync(page.Form("#write form"), "Input.Photos", TestImages.Jpeg(1200, 900), "nous.jpg", new Dictionary<string, string>
        {
            ["Input.Content"] = Words, ["Input.OpensOn"] = today.AddDays(2).ToString("yyyy-MM-dd"), ["Input.To"] = "partner",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        // The class's other tests leave letters of their own: this one is the newest with these words.
        var id = (await (await alexApi.GetAsync("/api/letters")).JsonAsync()).EnumerateArray()
            .Where(l => l.GetProperty("content").GetString() == Words).Max(l => l.GetProperty("id").GetInt32());
        var mine = await alex.GetPageAsync("/letters");
        var readLink = mine.QuerySelector($"#letter-{id} a[href^='/letters/']")!.GetAttribute("href")!;
        var letter = await alex.GetPageAsync(readLink);
        Assert.Contains(Words, letter.Text(".letter-text"));
        var photo = letter.QuerySelector(".letter-photos img")!.GetAttribute("src")!;
        Assert.Equal(HttpStatusCode.OK, (await alex.GetAsync(photo)).StatusCode);

        var samsList = await sam.GetPageAsync("/letters");
        Assert.Contains("scellée jusqu’au", samsList.QuerySelector($"#letter-{id}")!.TextContent);
        var inEnglish = new HttpRequestMessage(HttpMethod.Get, "/letters");
        inEnglish.Headers.AcceptLanguage.ParseAdd("en");
        var english = await Html.ParseAsync(await sam.SendAsync(inEnglish));
        Assert.Contains("A letter from", english.QuerySelector($"#letter-{id}")!.TextContent);
        Assert.Contains("sealed until", english.QuerySelector($"#letter-{id}")!.TextContent);
        Assert.DoesNotContain(Words, samsList.DocumentElement.OuterHtml);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync(readLink)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync(photo)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync(photo)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignedInBrowserAsync("mamie")).GetAsync("/letters")).StatusCode);
        Assert.Null((await sam.GetPageAsync("/")).QuerySelector(".letter-opened"));
        Assert.DoesNotContain(Words, await ExportAsync(samApi));

        factory.Clock.Set(DateTimeOffset.UtcNow.AddDays(2).AddHours(1));
        var home = await sam.GetPageAsync("/");
        var announced = home.QuerySelectorAll(".letter-opened").Single(p => p.QuerySelector("a")!.GetAttribute("href") == readLink);
        Assert.Contains("t’a écrit une lettre", announced.TextContent);
        Assert.Contains(Words, (await sam.GetPageAsync(readLink)).Text(".letter-text"));
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync(photo)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync(photo)).StatusCode);
        Assert.Contains(Words, await ExportAsync(samApi));
    }

    [Fact]
    public async Task The_Authors_Export_Carries_A_Sealed_Letter_With_Its_Photo_And_An_Import_Brings_It_Back()
    {
        var (alex, _, alexApi, _, today) = await StartAsync();
        var page = await alex.GetPageAsync("/letters");
        await alex.SubmitWithFileAsync(page.Form("#write form"), "Input.Photos", TestImages.Jpeg(800, 600), "nous.jpg", new Dictionary<string, string>
        {
            ["Input.Content"] = "Pour dans un an.", ["Input.OpensOn"] = today.AddYears(1).ToString("yyyy-MM-dd"), ["Input.To"] = "partner",
        });
        var id = (await (await alexApi.GetAsync("/api/letters")).JsonAsync()).EnumerateArray().Single(l => l.GetProperty("content").GetString() == "Pour dans un an.").GetProperty("id").GetInt32();
        var zip = await (await alexApi.GetAsync("/api/export")).Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, (await alexApi.DeleteAsync($"/api/letters/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await alexApi.PostAsync("/api/import", Transfer.Zips.ImportForm(zip))).StatusCode);

        var back = (await (await alexApi.GetAsync("/api/letters")).JsonAsync()).EnumerateArray().Single(l => l.GetProperty("content").GetString() == "Pour dans un an.");
        Assert.True(back.GetProperty("sealed").GetBoolean());
        Assert.Equal(today.AddYears(1).ToString("yyyy-MM-dd"), back.GetProperty("opens_on").GetString());
        var photo = back.GetProperty("photos").EnumerateArray().Single().GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await alex.GetAsync(photo)).StatusCode);
    }

    [Fact]
    public async Task An_Import_Keeps_The_Other_Partners_Sealed_Letters_It_Could_Not_Carry()
    {
        var (_, _, alexApi, samApi, today) = await StartAsync();
        var samWrote = await samApi.PostAsJsonAsync("/api/letters", new { to = "partner", content = "Le secret de Sam.", opens_on = today.AddDays(5).ToString("yyyy-MM-dd") });
        var id = (await samWrote.JsonAsync()).GetProperty("id").GetInt32();
        var zip = await (await alexApi.GetAsync("/api/export")).Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, (await alexApi.PostAsync("/api/import", Transfer.Zips.ImportForm(zip))).StatusCode);

        var samsOwn = (await (await samApi.GetAsync("/api/letters")).JsonAsync()).EnumerateArray().Single(l => l.GetProperty("id").GetInt32() == id);
        Assert.Equal("Le secret de Sam.", samsOwn.GetProperty("content").GetString());
        var forAlex = (await (await alexApi.GetAsync("/api/letters")).JsonAsync()).EnumerateArray().Single(l => l.GetProperty("id").GetInt32() == id);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, forAlex.GetProperty("content").ValueKind);
    }

    private static async Task<string> ExportAsync(HttpClient client)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await (await client.GetAsync("/api/export")).Content.ReadAsByteArrayAsync()));
        return await new StreamReader(zip.GetEntry("data.json")!.Open()).ReadToEndAsync();
    }
}
