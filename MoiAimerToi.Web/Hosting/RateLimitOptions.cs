namespace MoiAimerToi.Web.Hosting;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (form and API) one address may make per minute; lockout guards each account on top.</summary>
    public int LoginPerMinute { get; set; } = 10;

    /// <summary>Photo uploads one address may send per minute.</summary>
    public int UploadsPerMinute { get; set; } = 30;
}
