using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Web.Pages.Memories;

/// <summary>
/// Cards with a year heading wherever the year changes, then what loads the next page.
/// <see cref="PreviousYear"/> is the year the page before ended on, so a year is never announced twice.
/// </summary>
public sealed record ItemsView(MemoryPage Page, string? Search, int? PreviousYear, MemoryEditor? Editing = null, int? ConfirmingDeleteId = null);
