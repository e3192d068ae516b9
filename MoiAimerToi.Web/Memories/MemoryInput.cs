namespace MoiAimerToi.Web.Memories;

/// <summary>
/// A new memory, or the changes to one. A null field is left as it is (a blank date too);
/// an empty description clears it; a title is always required. <paramref name="JustUs"/> marks it for the partners only.
/// </summary>
public sealed record MemoryInput(string? Title, string? Description, string? TakenOn, bool? JustUs = null);
