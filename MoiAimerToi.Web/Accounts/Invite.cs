namespace MoiAimerToi.Web.Accounts;

/// <summary>A one-time link <c>/invite/{token}</c> that lets one person make an account with the role it names.</summary>
public sealed class Invite
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public int Id { get; set; }

    /// <summary>The SHA-256 of the link's secret (<see cref="SecretTokens.Digest"/>): the link itself is shown once, when made, and kept nowhere.</summary>
    public string TokenHash { get; set; } = "";

    public AccountRole Role { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>The account made with it.</summary>
    public string? UsedBy { get; set; }

    public bool IsOpen(DateTime now) => UsedAt is null && RevokedAt is null && ExpiresAt > now;
}
