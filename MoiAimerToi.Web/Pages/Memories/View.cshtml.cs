using System.Security.Claims;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Accounts;
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
public sealed class ViewModel(MemoryService memories, AlbumService album, IOptions<PhotoOptions> photoLimits, IOptions<MediaOptions> mediaLimits) : PageModel
{
    /// <summary>What the uploader refuses before sending: a photo or a video over its limit.</summary>
    public long MaxPhotoBytes => photoLimits.Value.MaxUploadBytes;

    public long MaxVideoBytes => mediaLimits.Value.MaxVideoBytes;

    public Memory Memory { get; private set; } = null!;

    public Memory? Newer { get; private set; }

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
        return true;
    }
}
