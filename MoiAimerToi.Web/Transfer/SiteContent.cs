using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;

namespace MoiAimerToi.Web.Transfer;

/// <summary>The couple's texts an import brings; a null field keeps what the site has.</summary>
public sealed record ImportedCouple(DateOnly? StartDate, string? HomeMessage, string? IntroText);

/// <summary>Everything that replaces the site's content, checked and with its photos already stored.</summary>
public sealed record SiteContent(ImportedCouple Couple, IReadOnlyList<Memory> Memories, IReadOnlyList<Perspective> Perspectives);

/// <summary>Something an import of the old site left out, and why.</summary>
public sealed record ImportSkip(string Item, string Reason);

/// <summary>What an import brought in.</summary>
public sealed record ImportSummary(int Memories, int Photos, int Perspectives, IReadOnlyList<ImportSkip> Skipped)
{
    public static ImportSummary Of(SiteContent content, IReadOnlyList<ImportSkip> skipped) => new(
        content.Memories.Count,
        content.Memories.Count(m => m.PhotoFileName is not null),
        content.Perspectives.Count,
        skipped);
}
