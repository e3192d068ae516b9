using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MoiAimerToi.Web.Photos;

/// <summary>
/// The only file names the uploads folder holds: a photo's <c>&lt;32 hex&gt;.jpg</c>, <c>-1280.webp</c> and <c>-480.webp</c>,
/// and a prepared video's <c>&lt;32 hex&gt;.mp4</c>, each maybe with <c>.tmp</c> while it is written.
/// </summary>
public static partial class PhotoNames
{
    public const int LargeWidth = 1280;
    public const int ThumbnailWidth = 480;
    public const string TemporarySuffix = ".tmp";

    private const string FullExtension = ".jpg";
    private const string VideoExtension = ".mp4";

    public static string NewFullName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + FullExtension;

    public static string NewVideoName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + VideoExtension;

    public static string Variant(string fullName, int width) => $"{Stem(fullName)}-{width}.webp";

    public static IReadOnlyList<string> AllFor(string fullName) => fullName.EndsWith(VideoExtension, StringComparison.Ordinal)
        ? [fullName]
        : [fullName, Variant(fullName, LargeWidth), Variant(fullName, ThumbnailWidth)];

    /// <summary>True for a finished file we generate; the out value is the full-size photo (or the video) it belongs to.</summary>
    public static bool IsStoredFile(string fileName, out string fullName) =>
        Parse(fileName, out fullName, out var temporary) && !temporary;

    /// <summary>True for any file we generate, finished or temporary.</summary>
    public static bool Parse(string fileName, out string fullName, out bool temporary)
    {
        var match = GeneratedName().Match(fileName);
        fullName = !match.Success ? "" : match.Groups["stem"].Value + (match.Groups["video"].Success ? VideoExtension : FullExtension);
        temporary = match.Success && match.Groups["tmp"].Success;
        return match.Success;
    }

    public static string ContentType(string fileName) => Path.GetExtension(fileName) switch
    {
        ".webp" => "image/webp",
        VideoExtension => "video/mp4",
        _ => "image/jpeg",
    };

    private static string Stem(string fullName) =>
        fullName.EndsWith(FullExtension, StringComparison.Ordinal) ? fullName[..^FullExtension.Length] : fullName;

    [GeneratedRegex(@"\A(?<stem>[0-9a-f]{32})(?:\.jpg|-1280\.webp|-480\.webp|(?<video>\.mp4))(?<tmp>\.tmp)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedName();
}
