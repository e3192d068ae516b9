using System.Globalization;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Web.Pages.Shared;

/// <summary>Who wrote what, as the pages say it: « écrit par Camille · modifié par Alex le 3 mars 2026 ».</summary>
public sealed class Bylines(Partners partners, CoupleClock clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>« modifié par Alex le … », or null when the account is unknown (an import, the API key, a deleted account).</summary>
    public async Task<string?> ChangedAsync(string? userId, DateTime changedAt) =>
        await partners.NameAsync(userId) is { } name ? text["Byline_Changed", name, Day(changedAt)].Value : null;

    /// <summary>« écrit par Camille », and « · modifié par Alex le … » when someone else changed it since.</summary>
    public async Task<string?> WrittenAsync(string? createdBy, string? updatedBy, DateTime createdAt, DateTime updatedAt)
    {
        var author = await partners.NameAsync(createdBy);
        var changed = updatedBy != createdBy || updatedAt > createdAt ? await ChangedAsync(updatedBy, updatedAt) : null;
        return (author, changed) switch
        {
            (null, null) => null,
            (null, _) => changed,
            (_, null) => text["Byline_Written", author].Value,
            _ => text["Byline_Written", author].Value + " · " + changed,
        };
    }

    /// <summary>Why a save is refused when someone saved another version of the text meanwhile, quoting theirs.</summary>
    public async Task<string> ChangedMeanwhileAsync(string? userId, string saved)
    {
        var excerpt = saved.Length > 300 ? saved[..300] + "…" : saved;
        return text["Text_ChangedMeanwhile", await partners.NameAsync(userId) ?? text["Text_Someone"], excerpt];
    }

    private string Day(DateTime utc) => clock.DayOf(utc).ToString("D", CultureInfo.CurrentCulture);
}
