using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Pages.Shared;

namespace MoiAimerToi.Web.Pages.Memories;

[OutputCache(PolicyName = PageCache.Policy)]
[EnableRateLimiting(RateLimits.Uploads)]
public sealed class IndexModel(MemoryService memories, Bylines bylines) : SectionPageModel
{
    public GalleryView Gallery { get; private set; } = null!;

    /// <summary>When the page is served whole (no JavaScript): the memory being edited or confirmed for deletion.</summary>
    public MemoryEditor? Editing { get; private set; }

    public int? ConfirmingDeleteId { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public MemoryFormInput Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>More cards: the next page as the visitor scrolls, or the first page of a search as they type.</summary>
    public async Task<IActionResult> OnGetItemsAsync(int? afterYear)
    {
        var page = await memories.PageAsync(new MemoryQuery(Search, PageNumber));
        if (PageNumber == 1)
        {
            Response.Htmx(h => h.ReplaceUrl(Url.Page("/Memories/Index", new { q = string.IsNullOrWhiteSpace(Search) ? null : Search })!));
        }

        return Partial("_Items", new ItemsView(page, Search, afterYear));
    }

    [EditorOnly]
    public async Task<IActionResult> OnPostCreateAsync()
    {
        await using var photo = Input.OpenPhoto();
        var outcome = await memories.CreateAsync(Input.ToMemoryInput(), photo, UserId);
        if (!outcome.Succeeded)
        {
            return await RefusedAsync(outcome.Errors, "Input", "_AddForm", new AddFormView(Input, Open: true));
        }

        return await GallerySavedAsync();
    }

    public async Task<IActionResult> OnGetCardAsync(int id) =>
        await memories.FindAsync(id) is { } memory ? Partial("_Card", new CardView(memory, Eager: false)) : NotFound();

    [EditorOnly]
    public async Task<IActionResult> OnGetEditAsync(int id)
    {
        if (await memories.FindAsync(id) is not { } memory)
        {
            return NotFound();
        }

        Editing = new MemoryEditor(id, MemoryFormInput.From(memory));
        return await FragmentOrPageAsync("_EditForm", Editing);
    }

    [EditorOnly]
    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        if (await ChangedMeanwhileAsync(id) is { } refused)
        {
            return refused;
        }

        await using var photo = Input.OpenPhoto();
        // A photo chosen here becomes the cover; the album keeps every photo and video it had.
        var outcome = await memories.UpdateAsync(id, Input.ToMemoryInput(), photo, UserId, keepOldCover: true);
        if (outcome is null)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            Editing = new MemoryEditor(id, Input);
            return await RefusedAsync(outcome.Errors, "Input", "_EditForm", Editing);
        }

        return await GallerySavedAsync();
    }

    /// <summary>
    /// Null when the memory is still as the form opened it; otherwise the form again with what was typed (a chosen
    /// photo must be chosen again), an error quoting the version the other partner saved meanwhile, and that version
    /// as the new starting point, so that saving again replaces it knowingly.
    /// </summary>
    private async Task<IActionResult?> ChangedMeanwhileAsync(int id)
    {
        if (Input.Seen is not { } seen || await memories.FindAsync(id) is not { } current)
        {
            return null;
        }

        var version = MemoryFormInput.Version(current);
        if (seen == version)
        {
            return null;
        }

        StartFrom("Input.Seen", version);
        var theirs = string.IsNullOrWhiteSpace(current.Description) ? current.Title : $"{current.Title} — {current.Description}";
        Editing = new MemoryEditor(id, Input);
        return await RefusedAsync([new FieldError("description", await bylines.ChangedMeanwhileAsync(current.UpdatedBy, theirs))], "Input", "_EditForm", Editing);
    }

    [EditorOnly]
    public async Task<IActionResult> OnGetConfirmDeleteAsync(int id)
    {
        if (await memories.FindAsync(id) is not { } memory)
        {
            return NotFound();
        }

        ConfirmingDeleteId = id;
        return await FragmentOrPageAsync("_DeleteConfirm", memory);
    }

    [EditorOnly]
    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (!await memories.DeleteAsync(id))
        {
            return NotFound();
        }

        return await GallerySavedAsync();
    }

    protected override async Task LoadAsync()
    {
        var addFormOpen = Request.HasFormContentType && Editing is null;
        var page = await memories.PageAsync(new MemoryQuery(Search, PageNumber));
        Gallery = new GalleryView(page, Search, addFormOpen ? Input : new MemoryFormInput(), addFormOpen, Editing, ConfirmingDeleteId);
    }

    /// <summary>A change can move a card to another year or empty one, so htmx gets the whole gallery back.</summary>
    private async Task<IActionResult> GallerySavedAsync()
    {
        if (!Request.IsHtmx())
        {
            return RedirectToPage();
        }

        Response.Htmx(h => h.Retarget("#gallery").Reswap("outerHTML"));
        var page = await memories.PageAsync(new MemoryQuery());
        return Partial("_Gallery", new GalleryView(page, null, new MemoryFormInput(), AddFormOpen: false));
    }
}
