using System.Globalization;

namespace MoiAimerToi.Web.Localization;

/// <summary>For what the site writes to one person outside a page (their calendar feed, their e-mails): in their language.</summary>
public static class Speaking
{
    public static CultureInfo CultureOf(string? language) => CultureInfo.GetCultureInfo(language == "en" ? "en" : "fr");

    /// <summary>Runs <paramref name="write"/> with texts, dates and numbers in the person's language, then puts the thread's back.</summary>
    public static T In<T>(string? language, Func<CultureInfo, T> write)
    {
        var culture = CultureOf(language);
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        try
        {
            return write(culture);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }
}
