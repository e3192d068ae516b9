using Microsoft.Extensions.Options;

namespace MoiAimerToi.Web.Couple;

/// <summary>Now and today, as the couple's wall clock shows them.</summary>
public sealed class CoupleClock(TimeProvider time, IOptions<CoupleOptions> options)
{
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZone).DateTime);
}
