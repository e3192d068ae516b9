namespace MoiAimerToi.Web.Hosting;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (form and API) one address may make per minute; lockout guards each account on top.</summary>
    public int LoginPerMinute { get; set; } = 10;

    /// <summary>Uploads one address may send per minute, when no account sends them.</summary>
    public int UploadsPerMinute { get; set; } = 30;

    /// <summary>Uploads one account (cookie, token or key) may send per minute: enough for an album of a hundred photos.</summary>
    public int AccountUploadsPerMinute { get; set; } = 300;
}
