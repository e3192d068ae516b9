using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using MimeKit;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Remembering;

namespace MoiAimerToi.Web.Reminders;

/// <summary>A line of a list in an e-mail, with the page it leads to.</summary>
public sealed record ReminderLine(string Text, string? Url);

/// <summary>A paragraph, followed by its list when it introduces one.</summary>
public sealed record ReminderBlock(string Text, IReadOnlyList<ReminderLine> Lines);

/// <summary>A reminder e-mail before it is MIME: what it says, in the recipient's language.</summary>
public sealed record ReminderEmail(
    string Language, string Subject, string Greeting, IReadOnlyList<ReminderBlock> Blocks, ReminderLine? Button, string Footer);

/// <summary>
/// Writes a reminder in its recipient's language, as plain text and as HTML. What it may say is what its topic holds:
/// an occasion's title and day, a letter's author and opening day (never a word of the letter), the titles of a week's
/// memories (never a side of one).
/// </summary>
public sealed class ReminderMail(IStringLocalizer<SharedResource> text)
{
    public ReminderEmail Write(DueReminder due, DateOnly today) => Speaking.In(due.To.Language, culture =>
    {
        var site = due.To.SiteAddress.TrimEnd('/');
        string? Link(string path) => site.Length == 0 ? null : site + path;
        var (subject, blocks, button) = due.Topic switch
        {
            OccasionTopic { Occasion: var occasion } => Occasion(occasion, today, Link("/calendar")),
            LetterTopic letter => Letter(letter, today, Link),
            DigestTopic digest => Digest(digest, Link),
            _ => throw new InvalidOperationException($"No e-mail for {due.Topic.GetType().Name}."),
        };
        return new ReminderEmail(
            culture.TwoLetterISOLanguageName, subject, text["Reminder_Hello", due.To.Name], blocks, button,
            text["Reminder_Footer", Link("/account/reminders") ?? ""]);
    });

    public MimeMessage ToMime(ReminderEmail email, MailboxAddress from, Recipient to, string messageId)
    {
        var message = new MimeMessage { Subject = email.Subject, MessageId = messageId };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(to.Name, to.Address));
        // RFC 3834: a robot wrote it; an out-of-office reply need not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = PlainText(email), HtmlBody = Html(email) }.ToMessageBody();
        return message;
    }

    private (string, IReadOnlyList<ReminderBlock>, ReminderLine?) Occasion(Occasion occasion, DateOnly today, string? calendar)
    {
        var when = text.When(occasion.DaysFrom(today));
        var title = text.Title(occasion);
        var blocks = new List<ReminderBlock> { new(text["Reminder_OccasionWhen", when, occasion.Date.ToString("D", CultureInfo.CurrentCulture)], []) };
        if (occasion.MovedFromLeapDay)
        {
            blocks.Add(new ReminderBlock(Sentence(text["Occasion_LeapDay"]), []));
        }

        return (text["Reminder_OccasionSubject", Capitalized(when), title], blocks, Button("Reminder_SeeCalendar", calendar));
    }

    private (string, IReadOnlyList<ReminderBlock>, ReminderLine?) Letter(LetterTopic letter, DateOnly today, Func<string, string?> link)
    {
        var open = letter.OpensOn <= today;
        var subject = text["Reminder_LetterSubject", letter.From, text.When(letter.OpensOn.DayNumber - today.DayNumber)];
        var says = open ? text["Reminder_LetterOpen"] : text["Reminder_LetterSealed", letter.OpensOn.ToString("D", CultureInfo.CurrentCulture)];
        var button = open ? Button("Reminder_ReadLetter", link($"/letters/{letter.LetterId}")) : Button("Reminder_SeeLetters", link("/letters"));
        return (subject, [new ReminderBlock(says, [])], button);
    }

    private (string, IReadOnlyList<ReminderBlock>, ReminderLine?) Digest(DigestTopic digest, Func<string, string?> link)
    {
        var days = Enumerable.Range(0, 7).Select(digest.WeekStart.AddDays).ToList();
        var blocks = new List<ReminderBlock>();
        if (digest.Memories.Count > 0)
        {
            blocks.Add(new ReminderBlock(text["Reminder_DigestMemories"], digest.Memories.Select(memory =>
            {
                // A memory of a 29 February comes back on the 28th of a year without one.
                bool SameDay(DateOnly d) => d.Month == memory.TakenOn.Month && d.Day == memory.TakenOn.Day;
                var day = days.Any(SameDay) ? days.First(SameDay) : days.First(d => d is { Month: 2, Day: 28 });
                var ago = text.Count(day.Year - memory.TakenOn.Year, "Unit_Years");
                return new ReminderLine(text["Reminder_DigestMemory", ago, memory.TakenOn.ToString("M", CultureInfo.CurrentCulture), memory.Title], link($"/memories/{memory.Id}"));
            }).ToList()));
        }

        if (digest.Occasions.Count > 0)
        {
            blocks.Add(new ReminderBlock(text["Reminder_DigestComing"], digest.Occasions
                .Select(o => new ReminderLine(text["Reminder_DigestOccasion", Capitalized(o.Date.ToString("dddd d MMMM", CultureInfo.CurrentCulture)), text.Title(o)], null))
                .ToList()));
        }

        return (text["Reminder_DigestSubject"], blocks, Button("Reminder_SeeMemories", link("/memories")));
    }

    private ReminderLine? Button(string label, string? url) => url is null ? null : new ReminderLine(text[label], url);

    private static string Capitalized(string value) =>
        value.Length == 0 ? value : CultureInfo.CurrentCulture.TextInfo.ToUpper(value[0]) + value[1..];

    private static string Sentence(string value) => Capitalized(value) + ".";

    private static string PlainText(ReminderEmail email)
    {
        var body = new StringBuilder().Append(email.Greeting).Append("\n\n");
        foreach (var block in email.Blocks)
        {
            body.Append(block.Text).Append('\n');
            foreach (var line in block.Lines)
            {
                body.Append("- ").Append(line.Text).Append(line.Url is null ? "" : $"\n  {line.Url}").Append('\n');
            }

            body.Append('\n');
        }

        if (email.Button is { } button)
        {
            body.Append(button.Text).Append(email.Language == "fr" ? " : " : ": ").Append(button.Url).Append("\n\n");
        }

        return body.Append("-- \n").Append(email.Footer).Append('\n').ToString();
    }

    private static string Html(ReminderEmail email)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var body = new StringBuilder()
            .Append($"<!doctype html><html lang=\"{email.Language}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{E(email.Subject)}</title></head>")
            .Append("<body style=\"margin:0;padding:24px 12px;background:#fff5f7;color:#3b2530;font-family:Georgia,'DejaVu Serif',serif;font-size:17px;line-height:1.5\">")
            .Append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:18px;padding:24px;border:1px solid #fecdd6\">")
            .Append("<p style=\"margin:0 0 12px;color:#c2185b;font-size:14px;letter-spacing:.04em\">Moi AIMER Toi</p>")
            .Append($"<h1 style=\"margin:0 0 16px;font-size:24px;font-weight:normal\">{E(email.Subject)}</h1>")
            .Append($"<p style=\"margin:0 0 12px\">{E(email.Greeting)}</p>");
        foreach (var block in email.Blocks)
        {
            body.Append($"<p style=\"margin:0 0 8px\">{E(block.Text)}</p>");
            if (block.Lines.Count > 0)
            {
                body.Append("<ul style=\"margin:0 0 16px;padding-left:20px\">");
                foreach (var line in block.Lines)
                {
                    body.Append("<li style=\"margin:4px 0\">")
                        .Append(line.Url is null ? E(line.Text) : $"<a href=\"{E(line.Url)}\" style=\"color:#a3124b\">{E(line.Text)}</a>")
                        .Append("</li>");
                }

                body.Append("</ul>");
            }
        }

        if (email.Button is { Url: { } url } button)
        {
            body.Append($"<p style=\"margin:20px 0\"><a href=\"{E(url)}\" style=\"display:inline-block;background:#c2185b;color:#ffffff;padding:12px 20px;border-radius:999px;text-decoration:none;font-family:system-ui,sans-serif;font-size:16px\">{E(button.Text)}</a></p>");
        }

        return body
            .Append($"<p style=\"margin:24px 0 0;color:#6d5460;font-size:13px;font-family:system-ui,sans-serif\">{E(email.Footer)}</p>")
            .Append("</div></body></html>")
            .ToString();
    }
}
