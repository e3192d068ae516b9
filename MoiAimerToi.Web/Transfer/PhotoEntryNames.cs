using System.Globalization;
using System.Text;

namespace MoiAimerToi.Web.Transfer;

/// <summary>
/// Names a person can browse: <c>photos/2024-07-14 Pique-nique à Annecy.jpg</c>. Titles lose what no file
/// system (Windows included) accepts or what could mislead (separators, control and bidi characters), are
/// cut to a readable length, and a second photo of the same day and title becomes <c>… (2).jpg</c> (an album's
/// photos and videos so follow one another, whatever their extensions).
/// </summary>
public sealed class PhotoEntryNames
{
    public const string Folder = "photos/";
    public const int MaxTitleLength = 80;

    private const string Forbidden = "/\\:*?\"<>|";

    // Case-insensitive: Windows and macOS would otherwise unpack two names into one file.
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="extension">The file's own, <c>.jpg</c> unless an original says otherwise (<c>.heic</c>, <c>.mov</c>…).</param>
    public string Next(DateOnly takenOn, string title, string extension = ".jpg")
    {
        var clean = Clean(title);
        var stem = takenOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (clean.Length > 0 ? " " + clean : "");
        var name = stem;
        for (var copy = 2; !_used.Add(name); copy++)
        {
            name = $"{stem} ({copy})";
        }

        return Folder + name + extension.ToLowerInvariant();
    }

    public static string Clean(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var rune in title.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            builder.Append(IsUnwanted(rune) ? " " : rune.ToString());
        }

        var words = builder.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words);
        var elements = new StringInfo(text);
        if (elements.LengthInTextElements > MaxTitleLength)
        {
            text = elements.SubstringByTextElements(0, MaxTitleLength);
        }

        // Windows drops trailing dots and spaces, which would merge names.
        return text.TrimEnd(' ', '.');
    }

    private static bool IsUnwanted(Rune rune)
    {
        if (rune.Value < 128)
        {
            return Rune.IsControl(rune) || Forbidden.Contains((char)rune.Value);
        }

        // Format characters include the bidi overrides that can disguise a name; the zero-width joiner holds emoji together.
        return rune.Value != 0x200D && Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse;
    }
}
