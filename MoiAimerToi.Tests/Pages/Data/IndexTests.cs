using System.Net;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Tests.Transfer;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Tests.Pages.Data;

public class IndexTests(SiteWithContent factory) : IClassFixture<SiteWithContent>
{
    private static byte[] AnExport(string title) => Zips.Build(
        ("data.json", Zips.Text(HostileArchiveTests.Data(HostileArchiveTests.Memory(title, "photos/a.jpg")))),
        ("photos/a.jpg", TestImages.Jpeg(320, 240)));

    private static Task<HttpResponseMessage> SubmitImportAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, byte[] zip, bool confirm) =>
        client.SubmitWithFileAsync(page.Form("#import-panel form"), "Input.File", zip, "site.zip",
            confirm ? new Dictionary<string, string> { ["Input.Confirm"] = "true" } : null);

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> OpenImportFormAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/data");
        Assert.Null(page.QuerySelector("input[type=file]"));
        return await client.GetPageAsync(page.QuerySelector("#import-panel a")!.GetAttribute("href")!);
    }

    [Theory]
    [InlineData("/data")]
    [InlineData("/data?handler=Download")]
    [InlineData("/data?handler=ConfirmImport")]
    public async Task A_Visitor_Is_Sent_To_Sign_In(string url)
    {
        var response = await factory.CreateBrowser().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/login?ReturnUrl=%2Fdata", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_Visitor_Posting_An_Import_Changes_Nothing()
    {
        await factory.SeededAsync();
        var visitor = factory.CreateBrowser();
        // A valid antiforgery token, from the only form a visitor gets, so that only the missing sign-in stops the import.
        var token = (await visitor.GetPageAsync("/login")).FormToken();
        var before = await SiteState.SnapshotAsync(factory);
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("true"), "Input.Confirm" },
            { new ByteArrayContent(AnExport("Intrus")), "Input.File", "site.zip" },
        };

        var response = await visitor.PostAsync("/data?handler=Import", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location?.ToString());
        Assert.Equal(before, await SiteState.SnapshotAsync(factory));
    }

    [Fact]
    public async Task The_Layout_Links_To_The_Page_Only_For_The_Signed_In_Couple()
    {
        var visitorHome = await factory.CreateBrowser().GetPageAsync("/");
        var coupleHome = await (await factory.SignedInBrowserAsync()).GetPageAsync("/");

        Assert.Null(visitorHome.QuerySelector(".site-tools a[href='/data']"));
        Assert.NotNull(coupleHome.QuerySelector(".site-tools a[href='/data']"));
    }

    [Fact]
    public async Task Download_Everything_Gives_The_Zip()
    {
        await factory.SeededAsync();
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/data");

        var response = await client.GetAsync(page.QuerySelector("a#download")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var names = Zips.EntryNames(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("data.json", names);
        Assert.Contains("photos/2024-01-01 Déjà là.jpg", names);
    }

    [Fact]
    public async Task Import_Asks_First_And_Then_Wants_The_Box_Ticked()
    {
        await factory.SeededAsync();
        var client = await factory.SignedInBrowserAsync();
        var form = await OpenImportFormAsync(client);
        Assert.NotNull(form.QuerySelector("#import-panel [role=alert]"));
        var before = await SiteState.SnapshotAsync(factory);

        var unconfirmed = await Html.ParseAsync(await SubmitImportAsync(client, form, AnExport("Sans confirmation"), confirm: false));

        Assert.NotEmpty(unconfirmed.Text("#import-confirm-error"));
        Assert.Equal("true", unconfirmed.QuerySelector("#import-confirm")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await SiteState.SnapshotAsync(factory));
    }

    [Fact]
    public async Task A_Broken_Zip_Is_Explained_Next_To_The_File_And_Changes_Nothing()
    {
        await factory.SeededAsync();
        var client = await factory.SignedInBrowserAsync();
        var form = await OpenImportFormAsync(client);
        var before = await SiteState.SnapshotAsync(factory);

        var response = await SubmitImportAsync(client, form, HostileArchiveTests.Build("zip-slip"), confirm: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("../../x.jpg", page.Text("#import-file-error"));
        Assert.Equal("true", page.QuerySelector("#import-file")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await SiteState.SnapshotAsync(factory));
    }

    [Fact]
    public async Task The_Confirmation_Step_Comes_In_Place_With_Htmx_And_Can_Be_Cancelled()
    {
        var client = await factory.SignedInBrowserAsync();
        var page = await client.GetPageAsync("/data");

        var open = await Html.ParseFragmentAsync(await client.HtmxGetAsync(page.HxGet("#import-panel a")));
        var closed = await Html.ParseFragmentAsync(await client.HtmxGetAsync(open.HxGet("#import-panel form a")));

        Assert.NotNull(open.QuerySelector("#import-panel form input[type=file]"));
        Assert.Null(closed.QuerySelector("#import-panel form"));
        Assert.NotNull(closed.QuerySelector("#import-panel a"));
    }

    [Fact]
    public async Task The_Old_Sites_Zip_Is_Imported_From_The_Page_With_Its_Report()
    {
        using var old = new LegacySite();
        using var site = new AppFactory();
        var client = await site.SignedInBrowserAsync();
        var form = await OpenImportFormAsync(client);

        var response = await SubmitImportAsync(client, form, old.Zip(), confirm: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("7", page.Text("#import-result p"));
        var skipped = page.QuerySelectorAll("#import-result li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, skipped.Count);
        Assert.Contains(skipped, s => s.Contains("Montagne") && s.Contains("/uploads/perdue.jpg"));
        var memories = await site.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().ListAsync());
        Assert.Equal(new DateTime(2019, 8, 3, 16, 20, 0), memories.Single(m => m.Title == "Plage à Biarritz").CreatedAt);
        Assert.Equal(3, memories.Count(m => m.PhotoFileName is not null));
    }

    [Fact]
    public async Task A_Confirmed_Export_Replaces_The_Content()
    {
        using var site = new AppFactory();
        await SiteSeed.SomeContentAsync(site);
        var client = await site.SignedInBrowserAsync();
        var form = await OpenImportFormAsync(client);

        var response = await SubmitImportAsync(client, form, AnExport("Revenu de l’export"), confirm: true);

        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#import-result"));
        var memories = await site.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().ListAsync());
        Assert.Equal("Revenu de l’export", Assert.Single(memories).Title);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(site.DataDirectory, "uploads")).Length);
    }
}
