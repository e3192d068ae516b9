using Microsoft.Playwright;

namespace MoiAimerToi.Tests.Browser;

/// <summary>Writing a sealed letter on a phone.</summary>
public class LettersTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_Partner_Seals_A_Letter_On_A_Phone()
    {
        await Infrastructure.Accounts.CreateAccountAsync(app, "sam", MoiAimerToi.Web.Accounts.AccountRole.Partner, perspectiveNumber: 2, displayName: "Sam");
        await using var session = await BrowserSession.OpenAsync(app, "phone");
        var page = session.Page;
        await session.SignInAsync();
        await session.GotoAsync("/letters");

        await page.GetByLabel("La lettre").FillAsync("Pour nos cinq ans : merci pour chaque matin.");
        var opens = app.Service<MoiAimerToi.Web.Couple.CoupleClock>().Today.AddMonths(6);
        await page.GetByLabel("Elle s’ouvre le").FillAsync(opens.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sceller la lettre" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Lettre scellée jusqu’au");
        await Assertions.Expect(page.Locator(".letter").First).ToContainTextAsync("Ma lettre pour toi");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await session.ScreenshotAsync("letters");
        session.AssertNoConsoleErrors();
    }
}
