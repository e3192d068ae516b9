using Microsoft.Extensions.Options;

namespace MoiAimerToi.Web.Couple;

/// <summary>Now and today, as the couple's wall clock shows them.</summary>
public sealed class CoupleClock(TimeProvider time, IOptions<CoupleOptions> options)
{
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DayOf(UtcNow);

    /// <summary>The couple's calendar day at a UTC instant.</summary>
    public DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(LocalTime(utc));

    /// <summary>A UTC instant as the couple's wall clock shows it.</summary>
    public DateTime LocalTime(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);
}
