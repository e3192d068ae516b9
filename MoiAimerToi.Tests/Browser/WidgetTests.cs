using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Remembering;

namespace MoiAimerToi.Tests.Browser;

/// <summary>The widget on a phone: full screen, no navigation, ticking through midnight and the spring DST change alone.</summary>
public class WidgetTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>Saturday 27 March 2027, 23:59:57 in Paris; the clocks go forward at 02:00 that night, day 1 000 is the Sunday.</summary>
    private static readonly DateTimeOffset BeforeMidnight = new(2027, 3, 27, 22, 59, 57, TimeSpan.Zero);

    private async Task<string> WidgetAsync()
    {
        app.Clock.Set(BeforeMidnight);
        return await app.InScopeAsync(async services =>
        {
            Assert.True((await services.GetRequiredService<MoiAimerToi.Web.Couple.CoupleService>().SetStartDateAsync("2024-07-01", null)).Succeeded);
            var admin = (await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(Infrastructure.Accounts.AdminUser))!;
            return await services.GetRequiredService<PersonalLinks>().TokenAsync(admin.Id, PersonalLinkKind.Widget);
        });
    }

    [BrowserFact]
    public async Task The_Widget_Goes_On_Right_Across_Midnight_And_The_Dst_Change_Without_Asking_The_Site()
    {
        var secret = await WidgetAsync();
        await using var session = await BrowserSession.OpenAsync(app, "phone");
        var page = session.Page;
        await page.Clock.InstallAsync(new() { TimeDate = BeforeMidnight.UtcDateTime });
        await session.GotoAsync($"/widget/{secret}");
        var asked = new List<string>();
        // What the page itself would ask (a reload, a fetch); the browser's own fetch of the icon is not the page's.
        page.Request += (_, request) =>
        {
            if (request.ResourceType is "document" or "fetch" or "xhr" or "eventsource" or "websocket")
            {
                asked.Add(request.Url);
            }
        };

        await Assertions.Expect(page.Locator("[data-unit=hours]")).ToHaveTextAsync("23");
        var next = page.Locator(".next-occasion .occasion:not([hidden])");
        await Assertions.Expect(next).ToContainTextAsync("jours ensemble");
        await Assertions.Expect(next.Locator(".occasion-when")).ToHaveTextAsync("demain");
        Assert.Equal(0, await page.Locator("nav, a, header, footer").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await session.ScreenshotAsync("widget");

        // Midnight: a new day, its hours from zero, and the countdown says today.
        await page.Clock.RunForAsync(5_000);
        await Assertions.Expect(page.Locator("[data-unit=hours]")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-unit=days]")).ToHaveTextAsync("27");
        await Assertions.Expect(next.Locator(".occasion-when")).ToHaveTextAsync("aujourd’hui");
        await Assertions.Expect(page.Locator("[data-unit=total]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^1\D000$"));
        await Assertions.Expect(page.Locator(".counter-since time")).ToHaveAttributeAsync("datetime", "2024-07-01");

        // 01:59:58, then the clock jumps to 03:00: two hours have passed since midnight, not three.
        await page.Clock.SetSystemTimeAsync(new DateTime(2027, 3, 28, 0, 59, 58, DateTimeKind.Utc));
        await page.Clock.RunForAsync(1_000);
        await Assertions.Expect(page.Locator("[data-unit=hours]")).ToHaveTextAsync("1");
        await page.Clock.RunForAsync(4_000);
        await Assertions.Expect(page.Locator("[data-unit=hours]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-unit=minutes]")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-unit=days]")).ToHaveTextAsync("27");

        // The next midnight: that occasion is past, the following one shows with its own countdown.
        await page.Clock.SetSystemTimeAsync(new DateTime(2027, 3, 28, 21, 59, 58, DateTimeKind.Utc));
        await page.Clock.RunForAsync(4_000);
        await Assertions.Expect(next.Locator(".occasion-when")).Not.ToHaveTextAsync("aujourd’hui");
        await Assertions.Expect(next).Not.ToContainTextAsync("1 000");
        Assert.Empty(asked);

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await session.ScreenshotAsync("widget-dark");
        session.AssertNoConsoleErrors();
    }
}
