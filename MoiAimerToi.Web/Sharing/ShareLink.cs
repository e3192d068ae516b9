namespace MoiAimerToi.Web.Sharing;

/// <summary><c>/s/{token}</c>: one memory, or the whole gallery, shown to whoever holds the link.</summary>
public sealed class ShareLink
{
    public int Id { get; set; }

    /// <summary>256 random bits, base64url.</summary>
    public string Token { get; set; } = "";

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
}
