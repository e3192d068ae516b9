using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Letters;

namespace MoiAimerToi.Web.Pages.Letters;

/// <summary><c>/letters/{id}</c>: one letter, for its author, or for the one it is for once its day has come; 404 otherwise.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class ReadModel(LetterService letters, Viewer viewer) : PageModel
{
    public LetterView Letter { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await letters.ReadAsync(id, viewer.UserId) is not { } letter)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        Letter = letter;
        return Page();
    }
}
