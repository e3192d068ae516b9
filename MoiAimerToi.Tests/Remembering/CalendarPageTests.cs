using System.Net;
using System.Net.Http.Json;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Tests.Remembering;

/// <summary><c>/calendar</c> and <c>/api/dates</c>: the next twelve months, the couple's own dates, birthdays for the signed-in only.</summary>
public class CalendarPageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task StartAsync(string startDate = "2024-02-29")
    {
        // 10 January 2025 in Paris.
        factory.Clock.Set(new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero));
        await factory.Service<VisibilityService>().SetAsync(SiteVisibility.Public, null);
        var response = await factory.CreateKeyClient().PutAsJsonAsync("/api/couple-data/start-date", new { start_date = startDate });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_Next_Twelve_Months_Say_When_29_February_Is_Kept_On_The_28th()
    {
        await StartAsync();

        var page = await factory.CreateBrowser().GetPageAsync("/calendar");

        var anniversary = page.QuerySelectorAll(".calendar-list li.occasion-anniversary").Single();
        Assert.Equal("2025-02-28", anniversary.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("1 an ensemble", anniversary.TextContent);
        Assert.Contains("pas de 29 février cette année : fêté le 28", anniversary.TextContent);
        Assert.Contains("dans 49 jours", anniversary.TextContent);
        // 365 days after 29 February 2024: 28 February 2025, on the same day; 500 days: 13 July 2025.
        Assert.Contains(page.QuerySelectorAll("li.occasion-rounddays time"), t => t.GetAttribute("datetime") == "2025-07-13");

        var english = factory.CreateBrowser();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var inEnglish = await english.GetPageAsync("/calendar");
        var row = inEnglish.QuerySelectorAll(".calendar-list li.occasion-anniversary").Single().TextContent;
        Assert.Contains("1 year together", row);
        Assert.Contains("no 29 February this year: kept on the 28th", row);
    }

    [Fact]
    public async Task A_Partner_Adds_And_Edits_A_Date_In_Place_And_A_Bad_One_Keeps_What_Was_Typed()
    {
        await StartAsync("2023-05-01");
        var partner = await factory.SignedInBrowserAsync();
        var page = await partner.GetPageAsync("/calendar");
        var token = page.HtmxToken();

        var refused = await partner.HtmxSubmitAsync(page.Form("#date-new form"), token, new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Date"] = "2019-07-14" });
        var form = await Html.ParseFragmentAsync(refused);
        Assert.Equal("Titre est obligatoire.", form.Text("#date-new-title-error"));
        Assert.Equal("2019-07-14", form.QuerySelector("#date-new-date")!.GetAttribute("value"));

        var added = await partner.HtmxSubmitAsync(page.Form("#date-new form"), token, new Dictionary<string, string> { ["Input.Title"] = "Premier baiser", ["Input.Date"] = "2019-07-14" });
        Assert.Equal("#calendar-body", added.Headers.GetValues("HX-Retarget").Single());
        var body = await Html.ParseFragmentAsync(added);
        var row = body.QuerySelectorAll(".date-row").Single(r => r.TextContent.Contains("Premier baiser"));
        Assert.Contains("Premier baiser", row.TextContent);
        Assert.Contains("chaque année", row.TextContent);
        Assert.Contains(body.QuerySelectorAll("li.occasion-coupledate"), li => li.TextContent.Contains("Premier baiser (6 ans)"));

        var id = row.Id!["date-".Length..];
        var edit = await Html.ParseFragmentAsync(await partner.HtmxGetAsync($"/calendar?handler=EditDate&id={id}"));
        var saved = await partner.HtmxSubmitAsync(edit.Form($"#date-{id} form"), token, new Dictionary<string, string> { ["Input.Title"] = "Le mariage", ["Input.Date"] = "2025-09-20", ["Input.Yearly"] = "false" });
        var after = await Html.ParseFragmentAsync(saved);
        Assert.Contains("une fois", after.QuerySelector($"#date-{id}")!.TextContent);

        var api = await (await factory.CreateApiClient().GetAsync("/api/dates")).JsonAsync();
        var date = api.EnumerateArray().Single(d => d.GetProperty("id").GetInt32().ToString() == id);
        Assert.Equal(("Le mariage", "2025-09-20", false), (date.GetProperty("title").GetString(), date.GetProperty("date").GetString(), date.GetProperty("yearly").GetBoolean()));
    }

    [Fact]
    public async Task The_Dates_Api_Adds_Changes_And_Deletes_And_Refuses_Bad_Input_And_Guests()
    {
        await StartAsync();
        var key = factory.CreateKeyClient();

        var bad = await key.PostAsJsonAsync("/api/dates", new { title = "", date = "2025-02-30" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _) && errors.TryGetProperty("date", out _), errors.ToString());

        var created = await key.PostAsJsonAsync("/api/dates", new { title = "Première rencontre", date = "2022-03-03" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        Assert.True((await created.JsonAsync()).GetProperty("yearly").GetBoolean());

        var changed = await key.PutAsJsonAsync($"/api/dates/{id}", new { title = "Rencontre", date = "2022-03-04", yearly = false });
        Assert.Equal("Rencontre", (await changed.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await key.PutAsJsonAsync("/api/dates/999999", new { title = "x", date = "2022-03-04" })).StatusCode);

        await factory.CreateAccountAsync("invitee", AccountRole.Guest);
        factory.Clock.Set(DateTimeOffset.UtcNow); // A token made by a clock in January 2025 would have expired by the real one.
        var guest = await factory.CreateTokenClientAsync("invitee");
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.DeleteAsync($"/api/dates/{id}")).StatusCode);

        var deleted = await key.DeleteAsync($"/api/dates/{id}");
        Assert.Equal("Date deleted", (await deleted.JsonAsync()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await key.DeleteAsync($"/api/dates/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_Partners_Birthday_Is_In_The_Calendar_For_The_Signed_In_Only_And_A_Future_One_Is_Refused()
    {
        await StartAsync();
        var partner = await factory.SignedInBrowserAsync();
        var account = await partner.GetPageAsync("/account");

        var refused = await Html.ParseAsync(await partner.SubmitAsync(account.Form("form[action*='Profile']"), new Dictionary<string, string> { ["Profile.Birthday"] = "2030-01-01" }));
        Assert.Equal("Votre anniversaire ne peut pas être dans le futur.", refused.Text("#profile-birthday-error"));

        await partner.SubmitAsync(account.Form("form[action*='Profile']"), new Dictionary<string, string> { ["Profile.Birthday"] = "1994-03-03", ["Profile.Language"] = "en" });
        Assert.Equal("1994-03-03", (await partner.GetPageAsync("/account")).QuerySelector("#profile-birthday")!.GetAttribute("value"));

        var signedIn = await partner.GetPageAsync("/calendar");
        Assert.Contains(signedIn.QuerySelectorAll("li.occasion-birthday time"), t => t.GetAttribute("datetime") == "2025-03-03");
        var visitor = await factory.CreateBrowser().GetPageAsync("/calendar");
        Assert.Empty(visitor.QuerySelectorAll("li.occasion-birthday"));
        Assert.Empty((await factory.CreateBrowser().GetPageAsync("/")).QuerySelectorAll(".occasion-birthday"));
    }
}

/// <summary>The couple's dates, their choice of monthly celebrations and their dreams (with the memories made of them) go through an export and back.</summary>
public class DatesRoundTripTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_Export_Carries_The_Dates_And_An_Import_Brings_Them_Back()
    {
        var key = factory.CreateKeyClient();
        await key.PostAsJsonAsync("/api/dates", new { title = "Premier baiser", date = "2019-07-14" });
        await key.PostAsJsonAsync("/api/dates", new { title = "Le mariage", date = "2027-06-12", yearly = false });
        await factory.InScopeAsync(async services =>
        {
            await services.GetRequiredService<MoiAimerToi.Web.Remembering.CalendarService>().SetMonthsariesAsync(true, null);
            return 0;
        });
        var memory = (await (await key.PostAsJsonAsync("/api/memories", new { title = "Le tango", taken_on = "2026-05-01" })).JsonAsync()).GetProperty("id").GetInt32();
        var tango = (await (await key.PostAsJsonAsync("/api/dreams", new { title = "Apprendre le tango" })).JsonAsync()).GetProperty("id").GetInt32();
        await key.PutAsJsonAsync($"/api/dreams/{tango}", new { done_on = "2026-05-01", memory_id = memory });
        await key.PostAsJsonAsync("/api/dreams", new { title = "Voir Venise" });
        var zip = await (await key.GetAsync("/api/export")).Content.ReadAsByteArrayAsync();

        var first = (await (await key.GetAsync("/api/dates")).JsonAsync()).EnumerateArray().First().GetProperty("id").GetInt32();
        await key.DeleteAsync($"/api/dates/{first}");
        await key.PostAsJsonAsync("/api/dates", new { title = "Ajoutée après l’export", date = "2020-01-01" });
        await key.DeleteAsync($"/api/dreams/{tango}");
        var imported = await key.PostAsync("/api/import", Transfer.Zips.ImportForm(zip));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var dates = (await (await key.GetAsync("/api/dates")).JsonAsync()).EnumerateArray()
            .Select(d => (d.GetProperty("title").GetString(), d.GetProperty("date").GetString(), d.GetProperty("yearly").GetBoolean())).ToList();
        Assert.Equal([("Le mariage", "2027-06-12", false), ("Premier baiser", "2019-07-14", true)], dates.OrderBy(d => d.Item1));
        var dreams = (await (await key.GetAsync("/api/dreams")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["Apprendre le tango", "Voir Venise"], dreams.Select(d => d.GetProperty("title").GetString()));
        var memories = (await (await key.GetAsync("/api/memories")).JsonAsync()).EnumerateArray();
        Assert.Equal("Le tango", memories.Single(m => m.GetProperty("id").GetInt32() == dreams[0].GetProperty("memory_id").GetInt32()).GetProperty("title").GetString());
        Assert.Equal("2026-05-01", dreams[0].GetProperty("done_on").GetString());
        Assert.True(await factory.InScopeAsync(async services =>
            (await services.GetRequiredService<MoiAimerToi.Web.Remembering.CalendarService>().SourcesAsync(false)).Monthsaries));
    }
}
