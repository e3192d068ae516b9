using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace MoiAimerToi.Web.Api;

/// <summary>
/// Timestamps as the old API wrote them: UTC, seconds precision, no offset (<c>2025-01-01T12:00:00</c>).
/// The database keeps UTC, so an unspecified kind is taken as UTC.
/// </summary>
public sealed class ApiTimestampConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ToUtc(reader.GetDateTime());

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToUtc(value).ToString(Format, CultureInfo.InvariantCulture));

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
