namespace MoiAimerToi.Web.Reminders;

public enum ReminderKind
{
    Milestone,
    Date,
    Letter,
    Digest,
}

public enum ReminderState
{
    /// <summary>Due, not sent yet: sent at the next round (after <see cref="Reminder.NextAttemptAt"/> when a try failed).</summary>
    Waiting,

    /// <summary>Being handed to the server right now. Found so by a later round, the site stopped mid-send: see <see cref="Unconfirmed"/>.</summary>
    Sending,

    Sent,

    /// <summary>The site stopped while handing it over: it may have gone, so it is not sent again (never twice).</summary>
    Unconfirmed,

    /// <summary>The server refused it for good (an unknown address, say): not tried again until the address changes.</summary>
    Refused,

    /// <summary>Its day passed before it could go (the server failed until then, or the site was down).</summary>
    Missed,
}

/// <summary>
/// One reminder for one partner, and its job: recorded when it falls due, marked <see cref="ReminderState.Sending"/>
/// before it is handed to the server and <see cref="ReminderState.Sent"/> after, so it goes out once, whatever stops.
/// (UserId, Key, OccasionOn) is unique: the same occasion is never recorded twice.
/// </summary>
public sealed class Reminder
{
    public const int ErrorMaxLength = 500;
    public const int SubjectMaxLength = 300;

    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public ReminderKind Kind { get; set; }

    /// <summary>The occasion's key in the calendar (« days-1000 », « date-4 »), « letter-{id} », or « digest ».</summary>
    public string Key { get; set; } = "";

    /// <summary>The day it is about (a digest: the last day of its week); after it, a reminder still waiting is missed.</summary>
    public DateOnly OccasionOn { get; set; }

    /// <summary>What the e-mail's subject said (or will say), in the partner's language, for the reminders page.</summary>
    public string Subject { get; set; } = "";

    public ReminderState State { get; set; }

    public int Attempts { get; set; }

    public DateTime? NextAttemptAt { get; set; }

    /// <summary>What the server (or the network) said at the last failed try; the partner reads it on the reminders page.</summary>
    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }
}
