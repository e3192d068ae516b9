using System.Net;
using System.Net.Http.Json;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Tests.Memories;

/// <summary>
/// Two sides of one memory: a side is its author's alone until the other partner has written theirs or the author
/// reveals it; no page, fragment, API answer or export shows it earlier to anyone else.
/// </summary>
public class SidesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string AlexSide = "Je me souviens surtout de la pluie.";
    private const string SamSide = "Pour moi, c’était le soleil après la pluie.";

    private async Task<(int Memory, HttpClient Alex, HttpClient Sam, HttpClient AlexApi)> StartAsync()
    {
        await factory.Service<VisibilityService>().SetAsync(SiteVisibility.Public, null);
        if (await factory.InScopeAsync(services => services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByNameAsync("sam")) is null)
        {
            await factory.CreateAccountAsync("sam", AccountRole.Partner, perspectiveNumber: 2, displayName: "Sam");
        }

        var key = factory.CreateKeyClient();
        var memory = (await (await key.PostAsJsonAsync("/api/memories", new { title = $"Sous la pluie {Guid.NewGuid():N}" })).JsonAsync()).GetProperty("id").GetInt32();
        return (memory, await factory.SignedInBrowserAsync(), await factory.SignedInBrowserAsync("sam"), await factory.CreateTokenClientAsync());
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> WriteAsync(HttpClient partner, int memory, string content, bool reveal = false)
    {
        var page = await partner.GetPageAsync($"/memories/{memory}");
        var values = new Dictionary<string, string> { ["Side.Content"] = content };
        if (reveal)
        {
            values["Side.Reveal"] = "true";
        }

        return await Html.ParseFragmentAsync(await partner.HtmxSubmitAsync(page.Form("#sides form"), page.HtmxToken(), values));
    }

    [Fact]
    public async Task A_Side_Stays_Its_Authors_Until_Both_Have_Written_Then_Both_Show_Together()
    {
        var (memory, alex, sam, _) = await StartAsync();
        var admin = (await factory.InScopeAsync(services => services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByNameAsync("admin")))!;

        var mine = await WriteAsync(alex, memory, AlexSide);
        Assert.Contains(AlexSide, mine.Text(".side-mine"));
        Assert.Contains("Toi seul·e la lis pour l’instant", mine.Text(".side-mine"));

        var samPage = await sam.GetPageAsync($"/memories/{memory}");
        Assert.Equal($"{admin.ShownName} a écrit sa version : écris la tienne pour la lire.", samPage.Text(".side-waiting"));
        Assert.DoesNotContain(AlexSide, samPage.DocumentElement.OuterHtml);
        foreach (var stranger in new[] { factory.CreateBrowser(), await GuestAsync() })
        {
            var seen = await stranger.GetPageAsync($"/memories/{memory}");
            Assert.DoesNotContain(AlexSide, seen.DocumentElement.OuterHtml);
            Assert.Null(seen.QuerySelector(".side-waiting"));
        }

        var both = await WriteAsync(sam, memory, SamSide);
        Assert.Contains(AlexSide, both.DocumentElement.OuterHtml);
        Assert.Contains(SamSide, both.DocumentElement.OuterHtml);
        var visitor = await factory.CreateBrowser().GetPageAsync($"/memories/{memory}");
        Assert.Equal(2, visitor.QuerySelectorAll(".side").Length);
        Assert.Contains($"La version de {admin.ShownName}", visitor.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task A_Revealed_Side_Is_Read_By_Everyone_Who_Sees_The_Memory_And_The_English_Page_Says_So()
    {
        var (memory, alex, _, _) = await StartAsync();
        await WriteAsync(alex, memory, AlexSide, reveal: true);

        var english = factory.CreateBrowser();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var visitor = await english.GetPageAsync($"/memories/{memory}");
        Assert.Equal("Our two sides", visitor.Text("#sides-title"));
        Assert.Contains(AlexSide, visitor.Text(".side"));
    }

    [Fact]
    public async Task The_Api_Gives_Content_Only_To_Those_Who_May_Read_It_And_Refuses_An_Empty_Side()
    {
        var (memory, alex, _, alexApi) = await StartAsync();
        await WriteAsync(alex, memory, AlexSide);
        var samApi = await factory.CreateTokenClientAsync("sam");

        var forSam = (await (await samApi.GetAsync($"/api/memories/{memory}/sides")).JsonAsync()).EnumerateArray().Single();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, forSam.GetProperty("content").ValueKind);
        Assert.False(forSam.GetProperty("revealed").GetBoolean());
        Assert.Equal(AlexSide, (await (await alexApi.GetAsync($"/api/memories/{memory}/sides")).JsonAsync()).EnumerateArray().Single().GetProperty("content").GetString());
        Assert.Empty((await (await factory.CreateApiClient().GetAsync($"/api/memories/{memory}/sides")).JsonAsync()).EnumerateArray());
        Assert.Empty((await (await factory.CreateKeyClient().GetAsync($"/api/memories/{memory}/sides")).JsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateKeyClient().PutAsJsonAsync($"/api/memories/{memory}/sides/mine", new { content = "x" })).StatusCode);

        var empty = await samApi.PutAsJsonAsync($"/api/memories/{memory}/sides/mine", new { content = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var written = await (await samApi.PutAsJsonAsync($"/api/memories/{memory}/sides/mine", new { content = SamSide })).JsonAsync();
        Assert.Equal([AlexSide, SamSide], written.EnumerateArray().Select(s => s.GetProperty("content").GetString()).Order().Reverse().Order());
        Assert.Equal(HttpStatusCode.NotFound, (await samApi.GetAsync("/api/memories/999999/sides")).StatusCode);
    }

    [Fact]
    public async Task Two_Partners_Writing_At_The_Same_Moment_Both_Keep_Their_Side()
    {
        var (memory, _, _, alexApi) = await StartAsync();
        var samApi = await factory.CreateTokenClientAsync("sam");

        var answers = await Task.WhenAll(
            alexApi.PutAsJsonAsync($"/api/memories/{memory}/sides/mine", new { content = AlexSide }),
            samApi.PutAsJsonAsync($"/api/memories/{memory}/sides/mine", new { content = SamSide }),
            alexApi.PutAsJsonAsync($"/api/memories/{memory}/sides/mine", new { content = AlexSide }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var sides = (await (await samApi.GetAsync($"/api/memories/{memory}/sides")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, sides.Count);
        Assert.All(sides, s => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, s.GetProperty("content").ValueKind));
    }

    [Fact]
    public async Task An_Export_Carries_The_Readers_Own_Side_But_Not_The_Others_Hidden_One()
    {
        var (memory, alex, _, alexApi) = await StartAsync();
        var samApi = await factory.CreateTokenClientAsync("sam");
        await samApi.PutAsJsonAsync($"/api/memories/{memory}/sides/mine", new { content = SamSide });

        async Task<string> ExportAsync(HttpClient client)
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await (await client.GetAsync("/api/export")).Content.ReadAsByteArrayAsync()));
            return await new StreamReader(zip.GetEntry("data.json")!.Open()).ReadToEndAsync();
        }

        Assert.Contains(SamSide, await ExportAsync(samApi));
        Assert.DoesNotContain(SamSide, await ExportAsync(alexApi));
        Assert.DoesNotContain(SamSide, await ExportAsync(factory.CreateKeyClient()));
        var download = await alex.GetAsync("/data?handler=Download");
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        Assert.DoesNotContain(SamSide, await new StreamReader(archive.GetEntry("data.json")!.Open()).ReadToEndAsync());
    }

    [Fact]
    public async Task An_Import_By_One_Partner_Keeps_The_Others_Hidden_Side()
    {
        var (memory, _, _, alexApi) = await StartAsync();
        var samApi = await factory.CreateTokenClientAsync("sam");
        await samApi.PutAsJsonAsync($"/api/memories/{memory}/sides/mine", new { content = SamSide });
        var zip = await (await alexApi.GetAsync("/api/export")).Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, (await alexApi.PostAsync("/api/import", Transfer.Zips.ImportForm(zip))).StatusCode);

        var title = (await (await alexApi.GetAsync($"/api/memories")).JsonAsync()).EnumerateArray().Select(m => m.GetProperty("id").GetInt32()).ToList();
        var kept = new List<string?>();
        foreach (var id in title)
        {
            kept.AddRange((await (await samApi.GetAsync($"/api/memories/{id}/sides")).JsonAsync()).EnumerateArray().Select(s => s.GetProperty("content").GetString()));
        }

        Assert.Contains(SamSide, kept);
    }

    private async Task<HttpClient> GuestAsync()
    {
        if (await factory.InScopeAsync(services => services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByNameAsync("mamie")) is null)
        {
            await factory.CreateAccountAsync("mamie", AccountRole.Guest);
        }

        return await factory.SignedInBrowserAsync("mamie");
    }
}
