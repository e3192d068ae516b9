using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Dreams;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Web.Pages.Future;

/// <summary>
/// The handlers of the dream list shown in <c>/future</c>: each answers htmx with the list again (<c>_Dreams</c>), and a
/// browser without JavaScript with a redirect back to it. Ticking a dream done offers to make a memory of it.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class DreamsModel(DreamService dreams, MemoryService memories, CoupleClock clock) : PageModel
{
    private string? UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    public IActionResult OnGet() => Redirect("/future#dreams");

    public async Task<IActionResult> OnPostAddAsync(string? title)
    {
        var outcome = await dreams.AddAsync(title, UserId);
        return await ListAsync(refused: outcome.Succeeded ? null : new DreamForm(null, "add", title, null, outcome.Errors[0].Message));
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, string? title)
    {
        var outcome = await dreams.ChangeAsync(id, new DreamChange(Title: title ?? ""), UserId);
        return outcome is null ? NotFound() : await ListAsync(refused: outcome.Succeeded ? null : new DreamForm(id, "edit", title, null, outcome.Errors[0].Message));
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int by) =>
        await dreams.MoveAsync(id, Math.Sign(by), UserId) ? await ListAsync() : NotFound();

    public async Task<IActionResult> OnPostDoneAsync(int id) =>
        await dreams.DoneAsync(id, UserId) is null ? NotFound() : await ListAsync(justDone: id);

    public async Task<IActionResult> OnPostUndoAsync(int id) =>
        await dreams.ChangeAsync(id, new DreamChange(ClearDone: true), UserId) is null ? NotFound() : await ListAsync();

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        await dreams.DeleteAsync(id);
        return await ListAsync();
    }

    /// <summary>The memory of a dream come true: made, linked, then its page, where its photos go.</summary>
    public async Task<IActionResult> OnPostMakeMemoryAsync(int id, string? title, string? date)
    {
        var made = await dreams.MakeMemoryAsync(id, new MemoryInput(title, "", date), UserId);
        if (made is null)
        {
            return NotFound();
        }

        if (!made.Succeeded)
        {
            return await ListAsync(justDone: id, refused: new DreamForm(id, "memory", title, date, string.Join(" ", made.Errors.Select(e => e.Message))));
        }

        var page = Url.Page("/Memories/View", new { id = made.Value!.Id })!;
        if (Request.IsHtmx())
        {
            Response.Htmx(h => h.Redirect(page));
            return new NoContentResult();
        }

        return Redirect(page);
    }

    private async Task<IActionResult> ListAsync(int? justDone = null, DreamForm? refused = null)
    {
        if (!Request.IsHtmx())
        {
            // Without JavaScript: back to the list, with the offer kept in the address (a refused form's text is lost there).
            return Redirect(justDone is { } done ? $"/future?done={done}#dreams" : "/future#dreams");
        }

        return Partial("_Dreams", await ViewAsync(dreams, memories, clock, justDone, refused));
    }

    /// <summary>The list as this viewer may see it; also what <c>/future</c> renders.</summary>
    public static async Task<DreamsView> ViewAsync(DreamService dreams, MemoryService memories, CoupleClock clock, int? justDone = null, DreamForm? refused = null)
    {
        var list = await dreams.ListAsync();
        var titles = await memories.TitlesAsync(list.Where(d => d.MemoryId is not null).Select(d => d.MemoryId!.Value));
        var offered = justDone is { } id && list.Any(d => d.Id == id && d.DoneOn is not null && d.MemoryId is null) ? justDone : null;
        return new DreamsView(list, titles, clock.Today, offered, refused);
    }
}
