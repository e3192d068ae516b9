using System.Net;
using System.Net.Http.Json;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.AspNetCore.Identity;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Remembering;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Tests.Remembering;

/// <summary>The partner's secret addresses: the calendar feed, the widget and <c>/api/counter</c> with the widget's secret.</summary>
public class CounterAndFeedTests(AppFactory factory) : IClassFixture<AppFactory>
{
    /// <summary>Saturday 28 March 2026, 23:30 UTC: already Sunday the 29th in Paris, the night the clocks go forward.</summary>
    private static readonly DateTimeOffset NightOfTheChange = new(2026, 3, 28, 23, 30, 0, TimeSpan.Zero);

    private async Task<(AppUser Partner, string Calendar, string Widget)> StartAsync(string language = "fr")
    {
        factory.Clock.Set(NightOfTheChange);
        await factory.Service<VisibilityService>().SetAsync(SiteVisibility.Private, null);
        var key = factory.CreateKeyClient();
        // Day 0 on 3 July 2023; day 1 000 is 29 March 2026.
        Assert.Equal(HttpStatusCode.OK, (await key.PutAsJsonAsync("/api/couple-data/start-date", new { start_date = "2023-07-03" })).StatusCode);
        var partner = await factory.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var admin = (await users.FindByNameAsync(Infrastructure.Accounts.AdminUser))!;
            admin.Language = language;
            await users.UpdateAsync(admin);
            return admin;
        });
        var calendar = await factory.InScopeAsync(services => services.GetRequiredService<PersonalLinks>().TokenAsync(partner.Id, PersonalLinkKind.Calendar));
        var widget = await factory.InScopeAsync(services => services.GetRequiredService<PersonalLinks>().TokenAsync(partner.Id, PersonalLinkKind.Widget));
        return (partner, calendar, widget);
    }

    private async Task<Ical.Net.Calendar> FeedAsync(string secret)
    {
        var response = await factory.CreateBrowser().GetAsync($"/calendar/{secret}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("DTSTART;VALUE=DATE:", text);
        return Ical.Net.Calendar.Load(text)!;
    }

    [Fact]
    public async Task The_Feed_Parses_Back_With_Yearly_Rules_All_Day_Events_Across_A_Dst_Change_And_29_February()
    {
        var (_, secret, _) = await StartAsync();
        var dates = factory.CreateKeyClient();
        var rare = await (await dates.PostAsJsonAsync("/api/dates", new { title = "Jour rare", date = "2024-02-29" })).JsonAsync();
        await dates.PostAsJsonAsync("/api/dates", new { title = "Fin de l’heure d’été", date = "2026-10-25", yearly = false });

        var feed = await FeedAsync(secret);

        Assert.All(feed.Events, e => Assert.False(e.Start!.HasTime));
        var anniversary = feed.Events.Single(e => e.Uid == "anniversary@moi-aimer-toi");
        Assert.Equal("Notre anniversaire", anniversary.Summary);
        Assert.Equal(Ical.Net.FrequencyType.Yearly, anniversary.RecurrenceRule!.Frequency);
        Assert.Equal([new DateOnly(2026, 7, 3), new DateOnly(2027, 7, 3)], Days(anniversary).Take(2));
        Assert.InRange(Days(anniversary).Count(), 10, 11); // Ten years ahead.

        // A yearly 29 February: on the 28th in the years without one, as the pages say.
        var leap = feed.Events.Single(e => e.Uid == $"date-{rare.GetProperty("id").GetInt32()}@moi-aimer-toi");
        Assert.Equal([new DateOnly(2027, 2, 28), new DateOnly(2028, 2, 29), new DateOnly(2029, 2, 28)], Days(leap).Take(3));

        // The couple's day, not UTC's: it is already the 29th in Paris, the night of the change, and day 1 000 is on it.
        var today = feed.Events.Single(e => e.Uid == "days-1000@moi-aimer-toi");
        Assert.Equal(new DateOnly(2026, 3, 29), today.Start!.Date);
        Assert.Equal($"{1000.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr"))} jours ensemble", today.Summary);
        Assert.Equal(new DateOnly(2026, 10, 25), feed.Events.Single(e => e.Summary == "Fin de l’heure d’été").Start!.Date);
        Assert.DoesNotContain(feed.Events, e => e.Uid == "days-500@moi-aimer-toi"); // Past.

        var again = await FeedAsync(secret);
        Assert.Equal(feed.Events.Select(e => e.Uid).Order(), again.Events.Select(e => e.Uid).Order());
    }

    private static IEnumerable<DateOnly> Days(CalendarEvent occasion) =>
        occasion.GetOccurrences(new CalDateTime(2026, 3, 29)).Select(o => o.Period.StartTime.Date);

    [Fact]
    public async Task The_Feed_Speaks_The_Partners_Language_And_A_Renewed_Secret_Is_Gone()
    {
        var (partner, secret, _) = await StartAsync(language: "en");

        var feed = await FeedAsync(secret);
        Assert.Equal("Our anniversary", feed.Events.Single(e => e.Uid == "anniversary@moi-aimer-toi").Summary);
        Assert.Equal("1,000 days together", feed.Events.Single(e => e.Uid == "days-1000@moi-aimer-toi").Summary);

        var renewed = await factory.InScopeAsync(services => services.GetRequiredService<PersonalLinks>().RenewAsync(partner.Id, PersonalLinkKind.Calendar));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync($"/calendar/{secret}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().GetAsync($"/calendar/{renewed}.ics")).StatusCode);
        Assert.True(renewed.Length >= 22 && renewed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), "128 bits or more, URL-safe");
    }

    [Fact]
    public async Task The_Counter_Api_Opens_On_A_Private_Site_With_The_Widget_Secret_Only()
    {
        var (_, calendar, widget) = await StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateApiClient().GetAsync("/api/counter")).StatusCode);
        // Another kind's secret, or a renewed one: as if there were no such address.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateApiClient().GetAsync($"/api/counter?secret={calendar}")).StatusCode);
        var french = factory.CreateApiClient();
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var response = await french.GetAsync($"/api/counter?secret={widget}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var counter = await response.JsonAsync();
        Assert.Equal("2023-07-03", counter.GetProperty("start_date").GetString());
        Assert.Equal((2, 8, 26, 1000), (counter.GetProperty("years").GetInt32(), counter.GetProperty("months").GetInt32(),
            counter.GetProperty("days").GetInt32(), counter.GetProperty("total_days").GetInt32()));
        // 00:30 in Paris, the clocks not yet changed: half an hour since midnight.
        Assert.Equal(0, counter.GetProperty("hours").GetInt32());
        var next = counter.GetProperty("next_milestone");
        Assert.Equal(($"{1000.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr"))} jours ensemble", "2026-03-29", 0), (next.GetProperty("title").GetString(), next.GetProperty("date").GetString(), next.GetProperty("days_left").GetInt32()));

        var english = factory.CreateKeyClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Equal("1,000 days together", (await (await english.GetAsync("/api/counter")).JsonAsync()).GetProperty("next_milestone").GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_Widget_Is_A_Page_Of_Its_Own_Opened_By_Its_Secret_On_A_Private_Site()
    {
        var (partner, _, widget) = await StartAsync();

        var page = await factory.CreateBrowser().GetPageAsync($"/widget/{widget}");

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("2023-07-03", page.QuerySelector("#counter time")!.GetAttribute("datetime"));
        Assert.Contains("aujourd’hui", page.QuerySelector(".next-occasion .occasion:not([hidden]) .occasion-when")!.TextContent);
        Assert.Contains("jours ensemble", page.QuerySelector(".next-occasion .occasion:not([hidden])")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("nav, a"));

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync($"/widget/{SecretTokens.New()}")).StatusCode);

        // In the partner's language, whatever the browser on the wall speaks.
        await StartAsync(language: "en");
        var english = await factory.CreateBrowser().GetPageAsync($"/widget/{widget}");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("days together", english.QuerySelector(".next-occasion .occasion:not([hidden])")!.TextContent);
        await factory.InScopeAsync(services => services.GetRequiredService<PersonalLinks>().RenewAsync(partner.Id, PersonalLinkKind.Widget));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync($"/widget/{widget}")).StatusCode);
    }

    [Fact]
    public async Task Settings_Show_The_Partners_Own_Addresses_With_A_Copy_Button_And_Renew_Them()
    {
        await StartAsync();
        var partner = await factory.SignedInBrowserAsync();

        var page = await partner.GetPageAsync("/settings");
        var calendar = page.QuerySelector("#calendar-url")!.GetAttribute("value")!;
        Assert.Matches(@"^http://localhost/calendar/[A-Za-z0-9_-]{43}\.ics$", calendar);
        Assert.NotNull(page.QuerySelector("button[data-copy='#calendar-url']"));
        Assert.Matches(@"^http://localhost/widget/[A-Za-z0-9_-]{43}$", page.QuerySelector("#widget-url")!.GetAttribute("value")!);

        await partner.SubmitAsync(page.Form("form[action*='RenewLink'][action*='kind=Calendar']"));
        var after = await partner.GetPageAsync("/settings");
        Assert.NotEqual(calendar, after.QuerySelector("#calendar-url")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync(new Uri(calendar).PathAndQuery)).StatusCode);
    }
}
