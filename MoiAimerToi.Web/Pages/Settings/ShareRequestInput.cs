using System.Globalization;

namespace MoiAimerToi.Web.Pages.Settings;

/// <summary>The share form: what to share (a memory, or the gallery when empty) and how.</summary>
public sealed class ShareRequestInput
{
    public int? MemoryId { get; set; }

    public string? Password { get; set; }

    /// <summary>A <c>datetime-local</c> value, as the couple's clock reads it; empty for no end.</summary>
    public string? ExpiresAt { get; set; }

    public bool AllowDownload { get; set; }

    public bool ShowPreview { get; set; }

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFF"];

    /// <summary>The end as a UTC instant; false when it is not a time that clock shows (a wrong form, or skipped by a DST change).</summary>
    public bool TryExpiry(TimeZoneInfo zone, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(ExpiresAt))
        {
            return true;
        }

        if (!DateTime.TryParseExact(ExpiresAt.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || zone.IsInvalidTime(local))
        {
            return false;
        }

        utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return true;
    }
}
