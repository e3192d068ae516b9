using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Letters;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Web.Pages.Letters;

/// <summary><c>/letters</c>: a partner's letters, written and received, sealed until their day; and the form to write one.</summary>
[Authorize(Policy = Policies.Editor)]
[EnableRateLimiting(RateLimits.Uploads)]
[RequestSizeLimit(Letter.MaxPhotos * 32L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = Letter.MaxPhotos * 32L * 1024 * 1024)]
public sealed class IndexModel(LetterService letters, Viewer viewer, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<LetterView> Letters { get; private set; } = [];

    /// <summary>The sealed letter of the reader's own being changed, or null for a new one.</summary>
    public int? Editing { get; private set; }

    [BindProperty]
    public LetterFormInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int? edit)
    {
        if (edit is { } id)
        {
            if ((await letters.ListAsync(viewer.UserId)).FirstOrDefault(l => l.Id == id && l.Mine && l.Sealed) is not { } letter)
            {
                return NotFound();
            }

            Editing = id;
            Input = new LetterFormInput { To = letter.ToBoth ? "both" : "partner", Content = letter.Content, OpensOn = letter.OpensOn.ToString(FieldRules.DateFormat, CultureInfo.InvariantCulture) };
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostWriteAsync(CancellationToken cancellationToken)
    {
        var streams = Input.Photos.Where(p => p.Length > 0).Select(p => p.OpenReadStream()).ToList();
        try
        {
            var outcome = await letters.WriteAsync(viewer.UserId!, ToInput(), streams, cancellationToken);
            return await AnswerAsync(outcome, text["Letters_Sealed", outcome.Letter?.OpensOn.ToString("D", CultureInfo.CurrentCulture) ?? ""]);
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        Editing = id;
        return await AnswerAsync(await letters.UpdateAsync(id, viewer.UserId, ToInput(), cancellationToken), text["Letters_Saved"]);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken) =>
        await letters.DeleteAsync(id, viewer.UserId, cancellationToken) switch
        {
            null => Done(text["Letters_Deleted"]),
            LetterRefusal.NotFound => NotFound(),
            LetterRefusal.NotAuthor => Forbid(),
            _ => Done(text["Letters_AlreadyOpen"]),
        };

    private async Task<IActionResult> AnswerAsync(LetterOutcome outcome, string notice)
    {
        switch (outcome.Refusal)
        {
            case LetterRefusal.NotFound:
                return NotFound();
            case LetterRefusal.NotAuthor:
                return Forbid();
            case LetterRefusal.Opened:
                return Done(text["Letters_AlreadyOpen"]);
        }

        if (outcome.Succeeded)
        {
            return Done(notice);
        }

        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError(error.Field switch { "opens_on" => "Input.OpensOn", "photos" => "Input.Photos", "to" => "Input.To", _ => "Input.Content" }, error.Message);
        }

        await LoadAsync();
        return Page();
    }

    private IActionResult Done(string notice)
    {
        Notice = notice;
        return RedirectToPage(null, null, null, "letters");
    }

    private LetterInput ToInput() => new(Input.To, Input.Content, Input.OpensOn);

    private async Task LoadAsync()
    {
        Response.Headers.CacheControl = "private, no-store";
        Letters = await letters.ListAsync(viewer.UserId);
    }
}
