using System.Security.Claims;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Dreams;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Media;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Pages.Memories;

/// <summary>
/// One memory, its album large: its photos and videos a swipe apart, then the next memory. Partners also get the
/// album's editor: add many files, reorder them (drag, or buttons), choose the cover, remove one, fetch an original.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class ViewModel(
    MemoryService memories, AlbumService album, DreamService dreams, SideService sides, Viewer viewer,
    IOptions<PhotoOptions> photoLimits, IOptions<MediaOptions> mediaLimits) : PageModel
{
    /// <summary>What the uploader refuses before sending: a photo or a video over its limit.</summary>
    public long MaxPhotoBytes => photoLimits.Value.MaxUploadBytes;

    public long MaxVideoBytes => mediaLimits.Value.MaxVideoBytes;

    public Memory Memory { get; private set; } = null!;

    public Memory? Newer { get; private set; }

    /// <summary>The sides of this memory this reader may read (<see cref="SideService"/>).</summary>
    public IReadOnlyList<SideView> Sides { get; private set; } = [];

    /// <summary>The partner's own side as the form sent it.</summary>
    [BindProperty]
    public SideInput Side { get; set; } = new();

    /// <summary>The dream this memory was made of, when it was one (« Notre avenir »).</summary>
    public Dream? Dream { get; private set; }

    public Memory? Older { get; private set; }

    public IReadOnlyList<MemoryMedia> Media => Album.InOrder(Memory);

    /// <summary>Why the last change of the album was refused, next to it.</summary>
    public string? AlbumError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>The album and (for a partner) its editor, asked every few seconds by a video's slide while it is prepared.</summary>
    public async Task<IActionResult> OnGetAlbumAsync(int id) => await LoadAsync(id) ? Partial("_AlbumPolled", this) : NotFound();

    /// <summary>The editor and the album, asked by the uploader as files arrive.</summary>
    [EditorOnly]
    public async Task<IActionResult> OnGetAlbumEditorAsync(int id) => await LoadAsync(id) ? Partial("_AlbumChanged", this) : NotFound();

    /// <summary>The partner's own side of the memory, written or changed, and revealed if they asked.</summary>
    [EditorOnly]
    public async Task<IActionResult> OnPostSaveSideAsync(int id)
    {
        var outcome = await sides.SaveMineAsync(id, viewer.UserId!, Side.Content, Side.Reveal, HttpContext.RequestAborted);
        if (outcome is null || !await LoadAsync(id))
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("Side.Content", outcome.Errors[0].Message);
        }
        else if (!Request.IsHtmx())
        {
            return RedirectToPage(null, null, new { id }, "sides");
        }

        return Request.IsHtmx() ? Partial("_Sides", this) : Page();
    }

    [EditorOnly]
    public Task<IActionResult> OnPostMoveMediaAsync(int id, int mediaId, int by) =>
        AnswerAsync(id, album.MoveAsync(id, mediaId, Math.Sign(by), UserId, HttpContext.RequestAborted));

    [EditorOnly]
    public Task<IActionResult> OnPostCoverMediaAsync(int id, int mediaId) =>
        AnswerAsync(id, album.MakeCoverAsync(id, mediaId, UserId, HttpContext.RequestAborted));

    /// <summary>The order the uploader's drag and drop left: every id once.</summary>
    [EditorOnly]
    public Task<IActionResult> OnPostOrderMediaAsync(int id, int[] ids) =>
        AnswerAsync(id, album.OrderAsync(id, ids, UserId, HttpContext.RequestAborted));

    /// <summary>A failed video prepared again from its original (a full disk, or ffmpeg installed since).</summary>
    [EditorOnly]
    public async Task<IActionResult> OnPostRetryMediaAsync(int id, int mediaId)
    {
        await album.RetryAsync(id, mediaId, HttpContext.RequestAborted);
        return await AlbumOrPageAsync(id);
    }

    [EditorOnly]
    public async Task<IActionResult> OnPostRemoveMediaAsync(int id, int mediaId)
    {
        await album.RemoveAsync(id, mediaId, UserId, HttpContext.RequestAborted);
        return await AlbumOrPageAsync(id);
    }

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    private async Task<IActionResult> AnswerAsync(int id, Task<Common.Outcome<Memory>?> change)
    {
        var outcome = await change;
        if (outcome is null)
        {
            return NotFound();
        }

        AlbumError = outcome.Succeeded ? null : outcome.Errors[0].Message;
        return await AlbumOrPageAsync(id);
    }

    /// <summary>htmx gets the editor and the album again; a form sent without JavaScript, the page.</summary>
    private async Task<IActionResult> AlbumOrPageAsync(int id)
    {
        if (!Request.IsHtmx())
        {
            return RedirectToPage("/Memories/View", null, new { id }, "album-editor");
        }

        return await LoadAsync(id) ? Partial("_AlbumChanged", this) : NotFound();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await memories.FindAsync(id) is not { } memory)
        {
            return false;
        }

        Memory = memory;
        (Newer, Older) = await memories.NeighboursAsync(memory);
        Dream = await dreams.OfMemoryAsync(memory.Id);
        Sides = await sides.ForAsync(memory.Id, viewer.CanEdit ? viewer.UserId : null) ?? [];
        if (!Request.HasFormContentType && Sides.FirstOrDefault(x => x.Mine) is { } mine)
        {
            Side = new SideInput { Content = mine.Content };
        }

        return true;
    }
}
