using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Reminders;

namespace MoiAimerToi.Tests.Reminders;

/// <summary>A site whose reminders go to a test's mail server, and the steps a partner takes with them.</summary>
public static class ReminderSite
{
    /// <summary>Day 0 on Monday 3 July 2023: day 1 000 is Sunday 29 March 2026.</summary>
    public const string StartDate = "2023-07-03";

    public static AppFactory For(Dictionary<string, string?> smtp)
    {
        var site = new AppFactory();
        foreach (var (key, value) in smtp)
        {
            site.Settings[key] = value;
        }

        return site;
    }

    /// <summary>At <paramref name="now"/> (UTC), with the couple's start date set.</summary>
    public static async Task BeginAsync(this AppFactory site, DateTimeOffset now, string language = "fr")
    {
        site.Clock.Set(now);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateKeyClient().PutAsJsonAsync("/api/couple-data/start-date", new { start_date = StartDate })).StatusCode);
        await site.SpeaksAsync(Infrastructure.Accounts.AdminUser, language);
    }

    public static Task SpeaksAsync(this AppFactory site, string userName, string language) => site.InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        user.Language = language;
        await users.UpdateAsync(user);
        return user;
    });

    /// <summary>Fills and sends the reminders form as the signed-in partner would; each kind "" (off) or a number of days.</summary>
    public static async Task<HttpResponseMessage> ChooseAsync(
        this HttpClient browser, string address, string milestones = "", string dates = "", string letters = "", bool digest = false)
    {
        var page = await browser.GetPageAsync("/account/reminders");
        var values = new Dictionary<string, string>
        {
            ["Choices.Address"] = address,
            ["Choices.Milestones"] = milestones,
            ["Choices.Dates"] = dates,
            ["Choices.Letters"] = letters,
        };
        if (digest)
        {
            values["Choices.Digest"] = "true";
        }

        return await browser.SubmitAsync(page.Form("form[action*='handler=Save']"), values);
    }

    public static Task RoundAsync(this AppFactory site) => site.Service<ReminderJobs>().RunRoundAsync();

    public static Task<List<Reminder>> RemindersAsync(this AppFactory site) =>
        site.InScopeAsync(services => services.GetRequiredService<AppDbContext>().Reminders.AsNoTracking().OrderBy(r => r.Id).ToListAsync());
}
