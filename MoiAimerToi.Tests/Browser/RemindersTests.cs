using Microsoft.Playwright;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Reminders;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Reminders;

namespace MoiAimerToi.Tests.Browser;

/// <summary>The browser site with its reminders going to a test's mail server.</summary>
public sealed class MailingBrowserApp : IAsyncLifetime
{
    public BrowserApp App { get; } = new();

    public SmtpServer Smtp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await SmtpServer.StartAsync();
        foreach (var (key, value) in Smtp.Settings())
        {
            App.Settings[key] = value;
        }

        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>Choosing one's reminders on a phone, and the e-mail as a phone shows it.</summary>
public class RemindersTests(MailingBrowserApp mailing) : IClassFixture<MailingBrowserApp>
{
    [BrowserFact]
    public async Task A_Partner_Chooses_Reminders_On_A_Phone_And_The_Email_Reads_Well_There()
    {
        var app = mailing.App;
        app.Clock.Set(new DateTimeOffset(2026, 3, 26, 9, 0, 0, TimeSpan.Zero));
        Assert.True((await app.InScopeAsync(services => services.GetRequiredService<CoupleService>().SetStartDateAsync(ReminderSite.StartDate, null))).Succeeded);
        await using var session = await BrowserSession.OpenAsync(app, "phone");
        var page = session.Page;
        await session.SignInAsync();
        await session.GotoAsync("/account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Choisir mes rappels" }).ClickAsync();

        await page.GetByLabel("Votre adresse e-mail").FillAsync("camille@example.org");
        await page.GetByLabel("Nos étapes").SelectOptionAsync("3");
        await page.GetByLabel("Lettres scellées").SelectOptionAsync("0");
        await page.GetByLabel("« Cette semaine-là », chaque lundi").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Vos rappels sont enregistrés.");

        await app.Service<ReminderJobs>().RunRoundAsync();
        var mail = (await mailing.Smtp.WaitForAsync(1, "the reminder of day 1 000")).First(m => m.Subject?.StartsWith("Dans 3 jours") == true);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#recent")).ToContainTextAsync("envoyé le");
        Assert.Equal("3", await page.GetByLabel("Nos étapes").InputValueAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await session.ScreenshotAsync("reminders");
        session.AssertNoConsoleErrors();

        await using var desktop = await BrowserSession.OpenAsync(app, "desktop");
        await desktop.SignInAsync();
        await desktop.GotoAsync("/account/reminders");
        await desktop.ScreenshotAsync("reminders");

        await using var reader = await BrowserSession.OpenAsync(app, "phone");
        await reader.Page.SetContentAsync(mail.HtmlBody!);
        await Assertions.Expect(reader.Page.GetByRole(AriaRole.Link, new() { Name = "Voir le calendrier" })).ToBeVisibleAsync();
        Assert.Equal(0, await reader.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await reader.ScreenshotAsync("reminder-email");
    }
}
