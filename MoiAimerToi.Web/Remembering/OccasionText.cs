using System.Globalization;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Web.Remembering;

/// <summary>What an occasion is called, in the current language: on the pages, in the API, the feed and the e-mails.</summary>
public static class OccasionText
{
    /// <summary>« 3 ans ensemble », « 1 000 jours ensemble », « Anniversaire de Camille », « Premier baiser (5 ans) ».</summary>
    public static string Title(this IStringLocalizer text, Occasion occasion) => occasion.Kind switch
    {
        OccasionKind.Anniversary => text["Occasion_Together", text.Count(occasion.Number, "Unit_Years")],
        OccasionKind.Monthsary => text["Occasion_Together", text.Count(occasion.Number, "Unit_Months")],
        OccasionKind.RoundDays => text["Occasion_Together", text.Count(occasion.Number, "Unit_Days")],
        OccasionKind.Birthday => text["Occasion_Birthday", occasion.Title ?? ""],
        _ when occasion is { Yearly: true, Number: > 0 } => text["Occasion_DateYears", occasion.Title ?? "", text.Count(occasion.Number, "Unit_Years")],
        _ => occasion.Title ?? "",
    };

    /// <summary>The name of a yearly occasion itself, the same every year (the feed's repeating event).</summary>
    public static string YearlyTitle(this IStringLocalizer text, Occasion occasion) => occasion.Kind switch
    {
        OccasionKind.Anniversary => text["Occasion_Anniversary"],
        OccasionKind.Birthday => text["Occasion_Birthday", occasion.Title ?? ""],
        _ => occasion.Title ?? "",
    };

    /// <summary>« aujourd’hui », « demain », « dans 12 jours ».</summary>
    public static string When(this IStringLocalizer text, int daysLeft) => daysLeft switch
    {
        0 => text["Occasion_Today"],
        1 => text["Occasion_Tomorrow"],
        _ => text["Occasion_InDays", text.Count(daysLeft, "Unit_Days")],
    };

    /// <summary>« 1 000 jours », « 3 ans »: the number in the culture's digits and its unit.</summary>
    public static string Count(this IStringLocalizer text, int value, string unit) =>
        $"{value.ToString("N0", CultureInfo.CurrentCulture)} {text.Plural(value, unit)}";
}
