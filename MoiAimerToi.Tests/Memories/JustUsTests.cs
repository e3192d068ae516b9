using System.Net;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Tests.Memories;

/// <summary>A "just us" memory is absent, not hidden, for everyone but the partners: on every route that lists or finds memories.</summary>
public class JustUsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private int _secret;
    private int _before;
    private int _after;

    /// <summary>Once per factory (xunit makes a new instance of the class for each test).</summary>
    private async Task SeedAsync()
    {
        var key = factory.CreateKeyClient();
        var all = (await (await key.GetAsync("/api/memories")).JsonAsync()).EnumerateArray()
            .ToDictionary(m => m.GetProperty("title").GetString()!, m => m.GetProperty("id").GetInt32());
        if (all.TryGetValue("Nuit secrète", out _secret))
        {
            (_before, _after) = (all["Plage publique"], all["Montagne publique"]);
            return;
        }

        if (!(await factory.InScopeAsync(async sp => (await sp.GetRequiredService<Partners>().AccountsAsync()).Values.Any(u => u.UserName == "mamie"))))
        {
            await factory.CreateAccountAsync("mamie", AccountRole.Guest, displayName: "Mamie");
        }

        async Task<int> CreateAsync(object body) => (await (await key.SendAsync(HttpMethod.Post, "/api/memories", body)).JsonAsync()).GetProperty("id").GetInt32();
        _before = await CreateAsync(new { title = "Plage publique", taken_on = "2024-07-01" });
        _secret = await CreateAsync(new { title = "Nuit secrète", description = "Rien que nous", taken_on = "1999-07-02", just_us = true });
        _after = await CreateAsync(new { title = "Montagne publique", taken_on = "2024-07-03" });
    }

    public static TheoryData<string> Outsiders => new() { "visitor", "guest" };

    private async Task<HttpClient> BrowserAsync(string who) =>
        who == "guest" ? await factory.SignedInBrowserAsync("mamie") : factory.CreateBrowser();

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Outsiders_Never_Meet_It_On_A_Page_A_Fragment_A_Search_Or_A_Year(string who)
    {
        await SeedAsync();
        var browser = await BrowserAsync(who);

        var gallery = await browser.GetPageAsync("/memories");
        var search = await browser.GetPageAsync("/memories?q=secrete");
        var items = await browser.HtmxGetAsync("/memories?handler=Items&q=nuit");
        var view = await browser.GetAsync($"/memories/{_secret}");
        var neighbour = await browser.GetPageAsync($"/memories/{_after}");

        Assert.DoesNotContain("secrète", gallery.Body!.TextContent);
        Assert.DoesNotContain("1999", gallery.Title);
        Assert.Empty(search.QuerySelectorAll(".memory-card"));
        Assert.DoesNotContain("secrète", await items.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal($"/memories/{_before}", neighbour.QuerySelector("[data-viewer='next']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Outsiders_Never_Meet_It_In_The_Api()
    {
        await SeedAsync();
        var guest = await factory.CreateTokenClientAsync("mamie");

        foreach (var client in new[] { factory.CreateApiClient(), guest })
        {
            var list = await (await client.GetAsync("/api/memories")).JsonAsync();
            Assert.DoesNotContain(list.EnumerateArray(), m => m.GetProperty("id").GetInt32() == _secret);
            await (await client.GetAsync($"/api/memories/{_secret}")).ErrorAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Its_Photo_Answers_404_To_Outsiders_And_Is_Sent_Private_To_The_Partners()
    {
        await SeedAsync();
        var memory = await factory.InScopeAsync(async sp => (await sp.GetRequiredService<MemoryService>()
            .CreateAsync(new MemoryInput("Photo secrète", "", null, JustUs: true), new MemoryStream(TestImages.Jpeg(320, 240)), null)).Value!);

        foreach (var url in new[] { PhotoUrls.Full(memory)!, PhotoUrls.Large(memory)!, PhotoUrls.Thumbnail(memory)! })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await (await factory.SignedInBrowserAsync("mamie")).GetAsync(url)).StatusCode);
            var partner = await (await factory.SignedInBrowserAsync()).GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, partner.StatusCode);
            // Asked again at each use: once signed out, the browser gets the 404 too.
            Assert.True(partner.Headers.CacheControl is { Private: true, NoCache: true });
        }
    }

    [Fact]
    public void Only_The_Memory_Service_And_The_Whole_Site_Jobs_Read_The_Memories_Table()
    {
        // Every other read goes through MemoryService, whose one query source leaves "just us" memories out for outsiders.
        var allowed = new[] { "MemoryService.cs", "MemoryPhotos.cs", "AlbumService.cs", "ExportService.cs", "ContentReplacer.cs", "DatabaseInitializer.cs", "VisibilityService.cs" };
        var code = Directory.EnumerateFiles(Path.Combine(Repository.Root, "MoiAimerToi.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains("Migrations") && !f.Contains("CompiledModel"));

        var table = new System.Text.RegularExpressions.Regex(@"\bdb\.Memories\b(?!\.Add)"); // The context is "db" wherever the site takes one.
        Assert.Empty(code.Where(f => !allowed.Contains(Path.GetFileName(f)) && table.IsMatch(File.ReadAllText(f))).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_Partners_See_It_Marked_On_The_Pages_And_In_The_Api()
    {
        await SeedAsync();
        var partner = await factory.SignedInBrowserAsync();

        var card = (await partner.GetPageAsync("/memories")).QuerySelector($"#memory-{_secret}");
        var one = await (await (await factory.CreateTokenClientAsync()).GetAsync($"/api/memories/{_secret}")).JsonAsync();

        Assert.NotNull(card?.QuerySelector(".just-us-badge"));
        Assert.True(one.GetProperty("just_us").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/memories/{_secret}")).StatusCode);
    }
}
