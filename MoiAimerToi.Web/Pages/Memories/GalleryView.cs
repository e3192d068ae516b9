using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Web.Pages.Memories;

/// <summary>The gallery as the page shows it: the search, the add form, then one page of memories.</summary>
/// <remarks>Without JavaScript, one card may be open as its edit form or its delete confirmation.</remarks>
public sealed record GalleryView(
    MemoryPage Page,
    string? Search,
    MemoryFormInput NewMemory,
    bool AddFormOpen,
    MemoryEditor? Editing = null,
    int? ConfirmingDeleteId = null)
{
    public ItemsView Items => new(Page, Search, PreviousYear: null, Editing, ConfirmingDeleteId);
}
