using MoiAimerToi.Web.Dreams;
using MoiAimerToi.Web.Letters;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;
using MoiAimerToi.Web.Remembering;

namespace MoiAimerToi.Web.Transfer;

/// <summary>The couple's texts an import brings; a null field keeps what the site has.</summary>
public sealed record ImportedCouple(DateOnly? StartDate, string? HomeMessage, string? IntroText, bool? Monthsaries = null);

/// <summary>Everything that replaces the site's content, checked and with its photos already stored; <see cref="Dates"/> null keeps the site's.</summary>
public sealed record SiteContent(
    ImportedCouple Couple, IReadOnlyList<Memory> Memories, IReadOnlyList<Perspective> Perspectives,
    IReadOnlyList<ImportantDate>? Dates = null, IReadOnlyList<ImportedDream>? Dreams = null, IReadOnlyList<ImportedSide>? Sides = null,
    IReadOnlyList<Letter>? Letters = null);

/// <summary>A partner's side an import brings, for one of its memories.</summary>
public sealed record ImportedSide(Memory Memory, MemorySide Side);

/// <summary>A dream an import brings, in its order, with the imported memory made of it.</summary>
public sealed record ImportedDream(Dream Dream, Memory? Memory);

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
