using System.Globalization;
using System.Text;

namespace MoiAimerToi.Web.Memories;

/// <summary>
/// Words as the search compares them, on both sides: lower case, accents and ligatures gone, so that « ete »,
/// « Été » and « ÉTÉ » are the same word, « noel » is « Noël » and « coeur » is « cœur ». The words searched for, on
/// both databases; and the text SQLite searches, in a column (PostgreSQL reads the title and description through its
/// <c>unaccent</c>, which has the same rules for these letters).
/// </summary>
public static class SearchText
{
    public static string Of(params string?[] texts) => string.Join(" ", texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Normalize(t!)));

    public static string Normalize(string text)
    {
        var decomposed = text.ToLowerInvariant()
            .Replace("œ", "oe", StringComparison.Ordinal)
            .Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ß", "ss", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(character);
            }
        }

        return plain.ToString().Normalize(NormalizationForm.FormC);
    }
}
