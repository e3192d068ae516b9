namespace MoiAimerToi.Web.Remembering;

public enum PersonalLinkKind
{
    /// <summary><c>/calendar/{secret}.ics</c>: the partner's calendar feed.</summary>
    Calendar,

    /// <summary><c>/widget/{secret}</c> and <c>/api/counter?secret=…</c>: the counter for a wall display or a home screen.</summary>
    Widget,
}

/// <summary>
/// A partner's own secret address, one of each kind: whoever holds it reads what it gives (the calendar, the counter)
/// and nothing else. Kept like a share link's token: its SHA-256 digest to find it, the token sealed by Data Protection
/// so that the settings can show it again; renewing it makes the old address answer 404.
/// </summary>
public sealed class PersonalLink
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public PersonalLinkKind Kind { get; set; }

    public string TokenHash { get; set; } = "";

    public string SealedToken { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
