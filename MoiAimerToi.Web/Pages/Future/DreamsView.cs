using MoiAimerToi.Web.Dreams;

namespace MoiAimerToi.Web.Pages.Future;

/// <summary>
/// What <c>#dreams</c> shows: the list, with the titles of the memories this viewer may read; <see cref="JustDone"/>
/// is the dream just ticked, offered to become a memory; <see cref="Refused"/> a form sent back with its error.
/// </summary>
public sealed record DreamsView(
    IReadOnlyList<Dream> Dreams, IReadOnlyDictionary<int, string> MemoryTitles, DateOnly Today, int? JustDone = null, DreamForm? Refused = null);

/// <summary>A dream's form as it was sent: <see cref="DreamId"/> null for the add form (or the memory to make of it).</summary>
public sealed record DreamForm(int? DreamId, string Kind, string? Title, string? Date, string Error);

/// <summary>One title field of the list: its id, what it shows, its error.</summary>
public sealed record DreamTitleField(string Id, string? Title, string? Error, string? Label = null);

/// <summary>The offer under a dream just ticked: the memory's title and day as filled in, and why it was refused.</summary>
public sealed record DreamOffer(int DreamId, string? Title, string? Date, string? Error);
