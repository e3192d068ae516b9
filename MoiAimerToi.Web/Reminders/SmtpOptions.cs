using MailKit.Security;
using MimeKit;

namespace MoiAimerToi.Web.Reminders;

/// <summary>
/// The mail server reminders go through (<c>Smtp:Host</c>, <c>Port</c>, <c>User</c>, <c>Password</c>, <c>From</c>,
/// <c>Security</c>). Without a host the site sends nothing and says so on the reminders page.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    /// <summary>0 for the usual port of <see cref="Security"/>: 465 for <c>ssl</c>, 587 otherwise.</summary>
    public int Port { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, « Moi AIMER Toi &lt;rappels@example.org&gt;» or a bare address.</summary>
    public string? From { get; set; }

    /// <summary><c>auto</c> (TLS when the server offers it), <c>starttls</c> (required), <c>ssl</c> (TLS from the start) or <c>none</c>.</summary>
    public string Security { get; set; } = "auto";

    /// <summary>How long one step of talking to the server (connecting, one command, one message) may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The hour of the couple's clock from which reminders go out: none is sent in the night, be it due, late or tried again.</summary>
    public int SendFromHour { get; set; } = 8;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public SecureSocketOptions SocketOptions => Security.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    public int EffectivePort => Port > 0 ? Port : SocketOptions == SecureSocketOptions.SslOnConnect ? 465 : 587;

    public static bool IsKnownSecurity(string? security) => security?.ToLowerInvariant() is "auto" or "none" or "starttls" or "ssl";

    public MailboxAddress? Sender => MailboxAddress.TryParse(From, out var sender) && sender.Address.Contains('@') ? sender : null;
}
