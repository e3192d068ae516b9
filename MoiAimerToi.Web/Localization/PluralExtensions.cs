using System.Globalization;
using Microsoft.Extensions.Localization;

namespace MoiAimerToi.Web.Localization;

public static class PluralExtensions
{
    /// <summary>Picks <c>{key}_One</c> or <c>{key}_Other</c>: French counts 0 and 1 as one, English only 1.</summary>
    public static LocalizedString Plural(this IStringLocalizer text, int count, string key)
    {
        var one = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? count is 0 or 1 : count == 1;
        return text[key + (one ? "_One" : "_Other")];
    }
}
