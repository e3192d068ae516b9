using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Localization;
using Calendar = Ical.Net.Calendar;

namespace MoiAimerToi.Web.Remembering;

/// <summary>
/// A partner's calendar feed (RFC 5545): every occasion of the next ten years as an all-day event on the couple's
/// own day (<c>DTSTART;VALUE=DATE</c>), a yearly one as one event with its <c>RRULE</c> (a 29 February as the last day
/// of February), each with a <c>UID</c> that stays the same from one fetch to the next, in the partner's language.
/// </summary>
public sealed class CalendarFeed(CalendarService calendar, IStringLocalizer<SharedResource> text, TimeProvider time)
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const int Years = 10;

    public async Task<string> ForAsync(AppUser partner, CancellationToken cancellationToken = default)
    {
        var today = calendar.Today;
        var until = today.AddYears(Years);
        var occasions = CoupleCalendar.Between(await calendar.SourcesAsync(withBirthdays: true, cancellationToken), today, until);
        return Speaking.In(partner.Language, culture =>
        {
            var feed = new Calendar { ProductId = "-//Moi AIMER Toi//Calendar//" + culture.TwoLetterISOLanguageName.ToUpperInvariant() };
            feed.AddProperty("X-WR-CALNAME", "Moi AIMER Toi");
            var stamp = new CalDateTime(time.GetUtcNow().UtcDateTime, "UTC");
            foreach (var single in occasions.Where(o => !o.Yearly))
            {
                feed.Events.Add(Event(single.Key, text.Title(single), single.Date, stamp));
            }

            foreach (var yearly in occasions.Where(o => o.Yearly).GroupBy(o => o.Key))
            {
                var first = yearly.First();
                var repeat = new RecurrencePattern(FrequencyType.Yearly, 1) { Until = new CalDateTime(yearly.Last().Date) };
                if (yearly.Any(o => o.MovedFromLeapDay) || first.Date is { Month: 2, Day: 29 })
                {
                    // On 29 February in leap years and on the 28th in the others, as the pages show it.
                    repeat.ByMonth.Add(2);
                    repeat.ByMonthDay.Add(-1);
                }

                var occasion = Event(first.Key, text.YearlyTitle(first), first.Date, stamp);
                occasion.RecurrenceRule = repeat;
                feed.Events.Add(occasion);
            }

            return new CalendarSerializer().SerializeToString(feed) ?? "";
        });
    }

    private static CalendarEvent Event(string key, string title, DateOnly day, CalDateTime stamp) => new()
    {
        Uid = key + "@moi-aimer-toi",
        Summary = title,
        Start = new CalDateTime(day),
        End = new CalDateTime(day.AddDays(1)),
        DtStamp = stamp,
        Transparency = "TRANSPARENT",
    };
}
