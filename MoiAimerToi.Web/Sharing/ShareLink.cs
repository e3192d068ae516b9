namespace MoiAimerToi.Web.Sharing;

/// <summary><c>/s/{token}</c>: one memory, or the whole gallery, shown to whoever holds the link.</summary>
public sealed class ShareLink
{
    public int Id { get; set; }

    /// <summary>The SHA-256 digest of the link's token (256 random bits, base64url), by which a request finds it.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>
    /// The token itself, sealed by Data Protection (whose keys are not in the database or its backups), so that the
    /// partners can copy the link again; null once it cannot be unsealed (the keys lost), the link still working.
    /// </summary>
    public string? SealedToken { get; set; }

    /// <summary>The token's first characters, all that robots.txt names of a link with a preview card.</summary>
    public string TokenPrefix { get; set; } = "";

    /// <summary>The memory shared; null for the whole gallery. Deleting the memory deletes its links.</summary>
    public int? MemoryId { get; set; }

    /// <summary>Identity's password hash, when the link asks for a password.</summary>
    public string? PasswordHash { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public bool AllowDownload { get; set; }

    /// <summary>Lets link previews (an Open Graph card with the title and a thumbnail) be made of it.</summary>
    public bool ShowPreview { get; set; }

    public int Views { get; set; }

    public DateTime? LastViewedAt { get; set; }

    public int FailedPasswords { get; set; }

    public DateTime? LockedUntil { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>Neither revoked nor past its end.</summary>
    public bool IsOpen(DateTime now) => RevokedAt is null && !(ExpiresAt <= now);
}
