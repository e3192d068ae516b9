using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MoiAimerToi.Web.Photos;

/// <summary>The only file names the pipeline writes: <c>&lt;32 hex&gt;.jpg</c>, <c>-1280.webp</c>, <c>-480.webp</c>, each maybe with <c>.tmp</c>.</summary>
public static partial class PhotoNames
{
    public const int LargeWidth = 1280;
    public const int ThumbnailWidth = 480;
    public const string TemporarySuffix = ".tmp";

    private const string FullExtension = ".jpg";

    public static string NewFullName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + FullExtension;

    public static string Variant(string fullName, int width) => $"{Stem(fullName)}-{width}.webp";

    public static IReadOnlyList<string> AllFor(string fullName) =>
        [fullName, Variant(fullName, LargeWidth), Variant(fullName, ThumbnailWidth)];

    /// <summary>True for a finished file we generate; the out value is the full-size name it belongs to.</summary>
    public static bool IsStoredFile(string fileName, out string fullName) =>
        Parse(fileName, out fullName, out var temporary) && !temporary;

    /// <summary>True for any file we generate, finished or temporary.</summary>
    public static bool Parse(string fileName, out string fullName, out bool temporary)
    {
        var match = GeneratedName().Match(fileName);
        fullName = match.Success ? match.Groups["stem"].Value + FullExtension : "";
        temporary = match.Success && match.Groups["tmp"].Success;
        return match.Success;
    }

    public static string ContentType(string fileName) =>
        fileName.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg";

    private static string Stem(string fullName) =>
        fullName.EndsWith(FullExtension, StringComparison.Ordinal) ? fullName[..^FullExtension.Length] : fullName;

    [GeneratedRegex(@"\A(?<stem>[0-9a-f]{32})(?:\.jpg|-1280\.webp|-480\.webp)(?<tmp>\.tmp)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedName();
}
