using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Tests.Transfer;

namespace MoiAimerToi.Tests.Browser;

public class DataPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task AssertAccessibleAsync(BrowserSession session)
    {
        var result = await session.Page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }

    [BrowserTheory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task The_Couple_Opens_The_Import_In_Place_Confirms_And_Sees_The_Report(string viewport)
    {
        await using var session = await BrowserSession.OpenAsync(app, viewport, bypassCsp: true);
        await session.SignInAsync();
        await session.Page.Locator(".site-tools").GetByRole(AriaRole.Link, new() { Name = "Vos données" }).ClickAsync();
        await session.ExpectPageAsync(new Regex("/data$"));
        await AssertAccessibleAsync(session);
        await session.MarkPageAsync();

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Importer un fichier…" }).ClickAsync();
        var file = session.Page.GetByLabel("Fichier ZIP");
        await file.WaitForAsync();
        await session.AssertSamePageAsync();
        await AssertAccessibleAsync(session);
        var zip = Zips.Build(
            ("data.json", Zips.Text(HostileArchiveTests.Data(HostileArchiveTests.Memory("Venu d’un ZIP", "photos/a.jpg")))),
            ("photos/a.jpg", TestImages.Jpeg(320, 240)));
        await file.SetInputFilesAsync(new FilePayload { Name = "site.zip", MimeType = "application/zip", Buffer = zip });
        await session.Page.GetByLabel(new Regex("^Je comprends")).CheckAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Remplacer le contenu" }).ClickAsync();

        await session.Page.Locator("#import-result").WaitForAsync();
        Assert.Contains("Souvenirs : 1", await session.Page.Locator("#import-result").InnerTextAsync());
        await AssertAccessibleAsync(session);
        await session.ScreenshotAsync("data-imported");
        session.AssertNoConsoleErrors();
    }
}
