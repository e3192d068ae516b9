using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using MimeKit;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Letters;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Reminders;

namespace MoiAimerToi.Tests.Reminders;

/// <summary>Reminders by e-mail, each test with its own site and a real SMTP server (aiosmtpd) that it reads back.</summary>
public sealed class ReminderMailTests
{
    /// <summary>Thursday 26 March 2026, 10:00 in Paris: day 1 000 is in three days.</summary>
    private static readonly DateTimeOffset ThreeDaysBefore = new(2026, 3, 26, 9, 0, 0, TimeSpan.Zero);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [SmtpFact]
    public async Task A_Milestone_Goes_Once_In_French_As_Text_And_Html_From_Eight_On_Its_Day()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var site = ReminderSite.For(smtp.Settings());
        // 07:00 in Paris: a reminder due today waits for the morning.
        await site.BeginAsync(ThreeDaysBefore.AddHours(-3));
        var browser = await site.SignedInBrowserAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.ChooseAsync("camille@example.org", milestones: "3")).StatusCode);
        await site.RoundAsync();
        Assert.Empty(smtp.Received());

        site.Clock.Set(ThreeDaysBefore);
        await site.RoundAsync();
        await site.RoundAsync();
        var mail = Assert.Single(await smtp.WaitForAsync(1, "the reminder of day 1 000"));

        var thousand = 1000.ToString("N0", French);
        Assert.Equal($"Dans 3 jours : {thousand} jours ensemble", mail.Subject);
        Assert.Equal("camille@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Equal("rappels@moi-aimer-toi.test", mail.From.Mailboxes.Single().Address);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.Contains("C’est dans 3 jours, le dimanche 29 mars 2026.", mail.TextBody);
        Assert.Contains("http://localhost/calendar", mail.TextBody);
        Assert.Contains("http://localhost/account/reminders", mail.TextBody);
        Assert.Contains("<html lang=\"fr\">", mail.HtmlBody);
        Assert.Contains("C’est dans 3 jours, le dimanche 29 mars 2026.", mail.HtmlBody);
        Assert.Contains("href=\"http://localhost/calendar\"", mail.HtmlBody);

        // The next days, and after a restart of the job, the same occasion is not sent again.
        site.Clock.Set(ThreeDaysBefore.AddDays(1));
        await site.RoundAsync();
        Assert.Single(smtp.Received());
        var row = Assert.Single(await site.RemindersAsync());
        Assert.Equal(ReminderState.Sent, row.State);

        var page = await browser.GetPageAsync("/account/reminders");
        Assert.Contains("envoyé le", page.QuerySelector("#recent")!.TextContent);
        Assert.Null(page.QuerySelector("#reminders-failing"));
    }

    [SmtpFact]
    public async Task Dates_And_Birthdays_Speak_Each_Partners_Language_And_No_One_Is_Reminded_Of_Their_Own_Birthday()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var site = ReminderSite.For(smtp.Settings());
        var today = new DateTimeOffset(2026, 6, 10, 10, 0, 0, TimeSpan.Zero);
        await site.BeginAsync(today, language: "en");
        var sam = await site.CreateAccountAsync("sam", AccountRole.Partner, 2, "Sam");
        await site.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByIdAsync(sam.Id))!;
            account.Birthday = new DateOnly(1995, 6, 12);
            return await users.UpdateAsync(account);
        });
        Assert.Equal(HttpStatusCode.Created, (await site.CreateKeyClient().PostAsJsonAsync("/api/dates", new { title = "First kiss", date = "2023-06-10" })).StatusCode);

        await (await site.SignedInBrowserAsync()).ChooseAsync("alex@example.org", dates: "2");
        await (await site.SignedInBrowserAsync("sam")).ChooseAsync("sam@example.org", dates: "2");
        await site.RoundAsync();

        var received = await smtp.WaitForAsync(3, "two reminders for Alex, one for Sam");
        await site.RoundAsync();
        Assert.Equal(3, smtp.Received().Count);
        var toAlex = received.Where(m => m.To.Mailboxes.Single().Address == "alex@example.org").ToList();
        Assert.Equal(["In 2 days: Sam’s birthday", "Today: First kiss (3 years)"], toAlex.Select(m => m.Subject).Order());
        var kiss = toAlex.Single(m => m.Subject?.StartsWith("Today") == true);
        Assert.Contains($"It is today: {new DateOnly(2026, 6, 10).ToString("D", English)}.", kiss.TextBody);
        Assert.Contains("Hello admin,", kiss.TextBody);
        Assert.Contains("<html lang=\"en\">", kiss.HtmlBody);

        var toSam = Assert.Single(received, m => m.To.Mailboxes.Single().Address == "sam@example.org");
        Assert.Equal("Aujourd’hui : First kiss (3 ans)", toSam.Subject);
        Assert.Contains("Bonjour Sam,", toSam.TextBody);
    }

    [SmtpFact]
    public async Task A_Site_That_Was_Down_When_A_Reminder_Fell_Due_Sends_It_On_Its_Return_While_The_Day_Is_Ahead()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var site = ReminderSite.For(smtp.Settings());
        await site.BeginAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var key = site.CreateKeyClient();
        await key.PostAsJsonAsync("/api/dates", new { title = "Le concert", date = "2026-03-24", yearly = false });
        await (await site.SignedInBrowserAsync()).ChooseAsync("camille@example.org", milestones: "7", dates: "7");
        await site.RoundAsync();
        Assert.Empty(smtp.Received());

        // Down from the 17th (the concert's reminder) to the 26th: day 1 000 (the 29th) is still ahead, the concert is past.
        // Back at 03:00, it waits for the morning all the same.
        site.Clock.Set(ThreeDaysBefore.AddHours(-7));
        await site.RoundAsync();
        Assert.Empty(smtp.Received());
        Assert.Equal(ReminderState.Waiting, Assert.Single(await site.RemindersAsync()).State);
        site.Clock.Set(ThreeDaysBefore);
        await site.RoundAsync();
        var mail = Assert.Single(await smtp.WaitForAsync(1, "the reminder that fell due while the site was down"));
        Assert.StartsWith("Dans 3 jours : ", mail.Subject);
        await site.RoundAsync();
        Assert.Single(smtp.Received());
        Assert.DoesNotContain(await site.RemindersAsync(), r => r.Key.StartsWith("date-"));
    }

    [SmtpFact]
    public async Task A_Server_That_Cannot_Be_Reached_Is_Retried_Later_And_Later_And_The_Failure_Shows_On_The_Page()
    {
        var port = ListeningProcess.FreePort();
        await using var site = ReminderSite.For(SmtpServer.For(port));
        await site.BeginAsync(ThreeDaysBefore);
        var browser = await site.SignedInBrowserAsync();
        await browser.ChooseAsync("camille@example.org", milestones: "3");
        await site.RoundAsync();

        var row = Assert.Single(await site.RemindersAsync());
        Assert.Equal((ReminderState.Waiting, 1), (row.State, row.Attempts));
        Assert.NotNull(row.LastError);
        Assert.Equal(ThreeDaysBefore.UtcDateTime.AddMinutes(1), row.NextAttemptAt);
        var failing = (await browser.GetPageAsync("/account/reminders")).QuerySelector("#reminders-failing")!.TextContent;
        Assert.Contains("n’est pas encore parti", failing);
        Assert.Contains(row.LastError!, failing);

        // Not before its time; then waiting twice as long.
        await site.RoundAsync();
        Assert.Equal(1, Assert.Single(await site.RemindersAsync()).Attempts);
        site.Clock.Set(ThreeDaysBefore.AddSeconds(61));
        await site.RoundAsync();
        row = Assert.Single(await site.RemindersAsync());
        Assert.Equal(2, row.Attempts);
        Assert.Equal(ThreeDaysBefore.UtcDateTime.AddSeconds(61).AddMinutes(2), row.NextAttemptAt);

        // The server is back: it goes, once, and the page says so.
        await using var smtp = await SmtpServer.StartAsync(port: port);
        site.Clock.Set(ThreeDaysBefore.AddMinutes(4));
        await site.RoundAsync();
        await site.RoundAsync();
        Assert.Single(await smtp.WaitForAsync(1, "the reminder, once the server answers"));
        Assert.Equal(ReminderState.Sent, Assert.Single(await site.RemindersAsync()).State);
        Assert.Null((await browser.GetPageAsync("/account/reminders")).QuerySelector("#reminders-failing"));
    }

    [SmtpFact]
    public async Task A_Reminder_Still_Failing_When_Its_Day_Has_Passed_Is_Missed_Not_Sent_Late()
    {
        var port = ListeningProcess.FreePort();
        await using var site = ReminderSite.For(SmtpServer.For(port));
        await site.BeginAsync(ThreeDaysBefore);
        await (await site.SignedInBrowserAsync()).ChooseAsync("camille@example.org", milestones: "3");
        await site.RoundAsync();

        await using var smtp = await SmtpServer.StartAsync(port: port);
        site.Clock.Set(ThreeDaysBefore.AddDays(4));
        await site.RoundAsync();
        Assert.Equal(ReminderState.Missed, Assert.Single(await site.RemindersAsync()).State);
        Assert.Empty(smtp.Received());
    }

    [SmtpFact]
    public async Task A_Server_Answering_Try_Later_Is_Retried_One_Refusing_The_Address_Is_Not_Until_It_Changes()
    {
        await using (var busy = await SmtpServer.StartAsync(SmtpBehaviour.RefuseForNow))
        await using (var site = ReminderSite.For(busy.Settings()))
        {
            await site.BeginAsync(ThreeDaysBefore);
            await (await site.SignedInBrowserAsync()).ChooseAsync("camille@example.org", milestones: "3");
            await site.RoundAsync();
            var row = Assert.Single(await site.RemindersAsync());
            Assert.Equal(ReminderState.Waiting, row.State);
            Assert.StartsWith("451 ", row.LastError);
            Assert.NotNull(row.NextAttemptAt);
        }

        await using var refusing = await SmtpServer.StartAsync(SmtpBehaviour.RefuseAddress);
        await using var other = ReminderSite.For(refusing.Settings());
        await other.BeginAsync(ThreeDaysBefore);
        var browser = await other.SignedInBrowserAsync();
        await browser.ChooseAsync("nobody@example.org", milestones: "3");
        await other.RoundAsync();
        var refused = Assert.Single(await other.RemindersAsync());
        Assert.Equal(ReminderState.Refused, refused.State);
        Assert.StartsWith("550 ", refused.LastError);
        Assert.Contains("refuse l’adresse", (await browser.GetPageAsync("/account/reminders")).QuerySelector("#reminders-failing")!.TextContent);

        other.Clock.Set(ThreeDaysBefore.AddHours(8));
        await other.RoundAsync();
        Assert.Equal(1, Assert.Single(await other.RemindersAsync()).Attempts);

        // A new address gives it another chance (this server refuses every address: refused again).
        await browser.ChooseAsync("camille@example.org", milestones: "3");
        await other.RoundAsync();
        refused = Assert.Single(await other.RemindersAsync());
        Assert.Equal((ReminderState.Refused, 2), (refused.State, refused.Attempts));
    }

    [SmtpFact]
    public async Task A_Server_That_Hangs_Times_Out_And_The_Site_Answers_All_Along()
    {
        using var hanging = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        hanging.Start();
        var port = ((IPEndPoint)hanging.LocalEndpoint).Port;
        await using var site = ReminderSite.For(SmtpServer.For(port, timeoutSeconds: 5));
        await site.BeginAsync(ThreeDaysBefore);
        var browser = await site.SignedInBrowserAsync();
        await browser.ChooseAsync("camille@example.org", milestones: "3");

        var round = site.RoundAsync();
        // The job is connected and waits for a greeting that never comes.
        using var held = await hanging.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/reminders")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.ChooseAsync("camille@example.org", milestones: "3", digest: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.False(round.IsCompleted, "the pages answered while the job still waited on the server");

        await round.WaitAsync(TimeSpan.FromSeconds(30));
        var row = Assert.Single(await site.RemindersAsync(), r => r.Key == "days-1000");
        Assert.Equal(ReminderState.Waiting, row.State);
        Assert.Equal("no answer from the mail server within 5 s", row.LastError);
    }

    [SmtpFact]
    public async Task A_Reminder_Cut_Off_While_Being_Handed_Over_Is_Never_Sent_Again()
    {
        await using var swallowing = await SmtpServer.StartAsync(SmtpBehaviour.KeepAndHang);
        await using var site = ReminderSite.For(swallowing.Settings(timeoutSeconds: 3));
        await site.BeginAsync(ThreeDaysBefore);
        await (await site.SignedInBrowserAsync()).ChooseAsync("camille@example.org", milestones: "3");
        await site.RoundAsync();

        // The server has it and never said so: it may have gone.
        Assert.Single(await swallowing.WaitForAsync(1, "the message reached the server"));
        var row = Assert.Single(await site.RemindersAsync());
        Assert.Equal(ReminderState.Unconfirmed, row.State);
        site.Clock.Set(ThreeDaysBefore.AddHours(7));
        await site.RoundAsync();
        Assert.Single(swallowing.Received());
        Assert.Equal(ReminderState.Unconfirmed, Assert.Single(await site.RemindersAsync()).State);
    }

    [SmtpFact]
    public async Task A_Letter_Reminder_Says_Who_Wrote_And_When_It_Opens_And_Not_A_Word_Of_It()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var site = ReminderSite.For(smtp.Settings());
        await site.BeginAsync(ThreeDaysBefore);
        var sam = await site.CreateAccountAsync("sam", AccountRole.Partner, 2, "Sam");
        var letter = await site.InScopeAsync(services => services.GetRequiredService<LetterService>()
            .WriteAsync(sam.Id, new LetterInput("partner", "Le secret de la clairière", "2026-03-29"), []));
        Assert.True(letter.Succeeded);

        await (await site.SignedInBrowserAsync()).ChooseAsync("camille@example.org", letters: "3");
        await (await site.SignedInBrowserAsync("sam")).ChooseAsync("sam@example.org", letters: "3");
        await site.RoundAsync();

        var mail = Assert.Single(await smtp.WaitForAsync(1, "the letter's reminder"));
        Assert.Equal("camille@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Sam vous a écrit une lettre : elle s’ouvre dans 3 jours", mail.Subject);
        Assert.Contains("Elle reste scellée jusqu’au dimanche 29 mars 2026.", mail.TextBody);
        Assert.Contains("http://localhost/letters", mail.TextBody);
        Assert.DoesNotContain("clairière", mail.TextBody);
        Assert.DoesNotContain("clairière", mail.HtmlBody);
        Assert.DoesNotContain("clairi", mail.ToString());
    }

    [SmtpFact]
    public async Task On_Its_Day_A_Letter_Reminder_Leads_To_The_Letter_In_English()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var site = ReminderSite.For(smtp.Settings());
        await site.BeginAsync(ThreeDaysBefore, language: "en");
        var sam = await site.CreateAccountAsync("sam", AccountRole.Partner, 2, "Sam");
        var written = await site.InScopeAsync(services => services.GetRequiredService<LetterService>()
            .WriteAsync(sam.Id, new LetterInput("both", "For the two of us, from the lake", "2026-03-27"), []));
        await (await site.SignedInBrowserAsync()).ChooseAsync("alex@example.org", letters: "0");
        await site.RoundAsync();
        Assert.Empty(smtp.Received());

        site.Clock.Set(ThreeDaysBefore.AddDays(1));
        await site.RoundAsync();
        var mail = Assert.Single(await smtp.WaitForAsync(1, "the letter's reminder on its day"));
        Assert.Equal("Sam wrote you a letter: it opens today", mail.Subject);
        Assert.Contains("It waits for you on the site as soon as you sign in.", mail.TextBody);
        Assert.Contains($"href=\"http://localhost/letters/{written.Letter!.Id}\"", mail.HtmlBody);
        Assert.DoesNotContain("lake", mail.ToString());
    }

    [SmtpFact]
    public async Task The_Weekly_Digest_Lists_The_Weeks_Memories_Of_Earlier_Years_In_English_And_No_Side_Not_Yet_Open()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var site = ReminderSite.For(smtp.Settings());
        // Monday 23 March 2026, 11:00 in Paris.
        var monday = new DateTimeOffset(2026, 3, 23, 10, 0, 0, TimeSpan.Zero);
        await site.BeginAsync(monday, language: "en");
        var sam = await site.CreateAccountAsync("sam", AccountRole.Partner, 2, "Sam");
        var key = site.CreateKeyClient();
        async Task<int> MemoryAsync(string title, string takenOn, bool justUs = false) =>
            (await (await key.PostAsJsonAsync("/api/memories", new { title, taken_on = takenOn, just_us = justUs })).JsonAsync()).GetProperty("id").GetInt32();
        var picnic = await MemoryAsync("Picnic in the rain", "2024-03-25");
        var weekend = await MemoryAsync("Just us weekend", "2025-03-28", justUs: true);
        await MemoryAsync("Another week", "2024-04-10");
        await site.InScopeAsync(services => services.GetRequiredService<SideService>().SaveMineAsync(picnic, sam.Id, "My hidden side of it", reveal: false));

        await (await site.SignedInBrowserAsync()).ChooseAsync("alex@example.org", digest: true);
        await site.RoundAsync();

        var mail = Assert.Single(await smtp.WaitForAsync(1, "the weekly digest"));
        Assert.Equal("That week, years ago", mail.Subject);
        Assert.Contains("2 years ago, on March 25: Picnic in the rain", mail.TextBody);
        Assert.Contains($"http://localhost/memories/{picnic}", mail.TextBody);
        Assert.Contains("1 year ago, on March 28: Just us weekend", mail.TextBody);
        Assert.Contains($"href=\"http://localhost/memories/{weekend}\"", mail.HtmlBody);
        Assert.Contains($"{1000.ToString("N0", English)} days together", mail.TextBody);
        Assert.DoesNotContain("Another week", mail.TextBody);
        Assert.DoesNotContain("hidden side", mail.ToString());

        // Once a week: not again on Tuesday.
        site.Clock.Set(monday.AddDays(1));
        await site.RoundAsync();
        Assert.Single(smtp.Received());
    }

    [SmtpFact]
    public async Task A_Guest_With_Choices_Of_Their_Own_Gets_No_Reminder()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var site = ReminderSite.For(smtp.Settings());
        await site.BeginAsync(ThreeDaysBefore);
        var guest = await site.CreateAccountAsync("lou", AccountRole.Guest, displayName: "Lou");
        // The page is for partners (403 for a guest, in the role × route table); a row made by hand changes nothing.
        await site.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MoiAimerToi.Web.Data.AppDbContext>();
            db.ReminderChoices.Add(new ReminderChoices { UserId = guest.Id, Address = "lou@example.org", MilestonesDaysBefore = 3, WeeklyDigest = true, SiteAddress = "http://localhost" });
            return await db.SaveChangesAsync();
        });

        await site.RoundAsync();

        Assert.Empty(smtp.Received());
        Assert.Empty(await site.RemindersAsync());
    }

    [Fact]
    public async Task The_Week_Across_New_Year_Finds_Its_Days_In_Earlier_Years_And_None_Of_This_Week()
    {
        await using var site = new AppFactory();
        site.Clock.Set(new DateTimeOffset(2027, 1, 2, 10, 0, 0, TimeSpan.Zero));
        var key = site.CreateKeyClient();
        async Task MemoryAsync(string title, string takenOn) =>
            Assert.Equal(HttpStatusCode.Created, (await key.PostAsJsonAsync("/api/memories", new { title, taken_on = takenOn })).StatusCode);
        await MemoryAsync("Réveillon", "2025-12-31");
        await MemoryAsync("Premier de l’an", "2026-01-01");
        await MemoryAsync("Cette semaine-ci", "2026-12-29");
        await MemoryAsync("Une autre semaine", "2026-01-05");

        // Monday 28 December 2026 to Sunday 3 January 2027.
        var found = await site.InScopeAsync(services => services.GetRequiredService<MemoryService>().OfTheWeekAsync(new DateOnly(2026, 12, 28)));

        Assert.Equal(["Réveillon", "Premier de l’an"], found.Select(m => m.Title));
    }

    [SmtpTheory]
    [InlineData("fr", "Cette adresse e-mail ne semble pas valide", "Choisissez un des délais proposés", "Donnez une adresse e-mail")]
    [InlineData("en", "This does not look like an e-mail address", "Choose one of the offered delays", "Give an e-mail address")]
    public async Task Bad_Choices_Get_Their_Error_Next_To_The_Field_And_Nothing_Is_Saved(string language, string badAddress, string badDays, string noAddress)
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var site = ReminderSite.For(smtp.Settings());
        await site.BeginAsync(ThreeDaysBefore);
        var browser = await site.SignedInBrowserAsync();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var answer = await Html.ParseAsync(await browser.ChooseAsync("pas une adresse", milestones: "5"));
        Assert.Contains(badAddress, answer.QuerySelector("#reminders-address-error")!.TextContent);
        Assert.Contains(badDays, answer.QuerySelector("#reminders-milestones-error")!.TextContent);
        Assert.Equal("pas une adresse", ((AngleSharp.Html.Dom.IHtmlInputElement)answer.QuerySelector("#reminders-address")!).Value);

        answer = await Html.ParseAsync(await browser.ChooseAsync("", dates: "1"));
        Assert.Contains(noAddress, answer.QuerySelector("#reminders-address-error")!.TextContent);
        Assert.Null(await site.InScopeAsync(services => services.GetRequiredService<ReminderPreferences>().FindAsync(
            services.GetRequiredService<UserManager<AppUser>>().Users.Single(u => u.UserName == Infrastructure.Accounts.AdminUser).Id)));
        await site.RoundAsync();
        Assert.Empty(smtp.Received());
    }

    [Fact]
    public async Task Without_A_Mail_Server_The_Page_Says_So_And_Keeps_The_Choices()
    {
        await using var site = new AppFactory();
        site.Clock.Set(ThreeDaysBefore);
        var browser = await site.SignedInBrowserAsync();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await browser.GetPageAsync("/account/reminders");
        Assert.Contains("This site sends no e-mail yet", page.QuerySelector("[role=status]")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.ChooseAsync("camille@example.org", milestones: "3")).StatusCode);
        page = await browser.GetPageAsync("/account/reminders");
        Assert.Equal("camille@example.org", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#reminders-address")!).Value);
        Assert.Equal("3", ((AngleSharp.Html.Dom.IHtmlSelectElement)page.QuerySelector("#reminders-milestones")!).Value);
        await site.RoundAsync();
        Assert.Empty(await site.RemindersAsync());
    }
}
