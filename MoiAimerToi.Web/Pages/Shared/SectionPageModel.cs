using System.Security.Claims;
using Htmx;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using MoiAimerToi.Web.Common;

namespace MoiAimerToi.Web.Pages.Shared;

/// <summary>
/// What every section page does the same way: answer htmx with a fragment and a plain browser
/// with the whole page, and turn a service's field errors into messages next to the fields.
/// </summary>
public abstract class SectionPageModel : PageModel
{
    protected string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Loads what the whole page shows; called when the answer is the page, not a fragment.</summary>
    protected abstract Task LoadAsync();

    /// <summary>The fragment for htmx; otherwise the whole page, with the fragment's state kept by the caller.</summary>
    protected async Task<IActionResult> FragmentOrPageAsync(string partialName, object model)
    {
        Response.Htmx(h => h.WithVary());
        if (Request.IsHtmx())
        {
            return Partial(partialName, model);
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>After a successful change: the updated fragment for htmx, a redirect (POST, then GET) otherwise.</summary>
    protected IActionResult Saved(string partialName, object model, object? routeValues = null) =>
        Request.IsHtmx() ? Partial(partialName, model) : RedirectToPage(routeValues);

    /// <summary>After a refused change: the form again, with the errors and what was typed; never a redirect.</summary>
    protected Task<IActionResult> RefusedAsync(IEnumerable<FieldError> errors, string prefix, string partialName, object model)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError($"{prefix}.{ToPascalCase(error.Field)}", error.Message);
        }

        return FragmentOrPageAsync(partialName, model);
    }

    /// <summary>
    /// After saving a text block: the block for htmx (or a redirect) when saved; otherwise the form again
    /// with the error and <paramref name="typed"/>, whatever field name the service gave the text.
    /// </summary>
    protected Task<IActionResult> TextSavedAsync<T>(Outcome<T> outcome, Func<T, string> savedText, Func<string, TextBlock> block, string? typed, object? routeValues = null) =>
        outcome.Succeeded
            ? Task.FromResult(Saved("_TextBlock", block(savedText(outcome.Value!)), routeValues))
            : RefusedAsync(outcome.Errors.Select(e => e with { Field = "value" }), "Text", "_TextBlockForm", block(typed ?? ""));

    /// <summary>
    /// Null when <paramref name="saved"/> is still the text the form opened with; otherwise the form again with what was
    /// typed, an error quoting the version saved meanwhile, and that version as the new starting point, so that saving
    /// again replaces it knowingly. (Two partners saving in the same instant are not caught: the later save wins.)
    /// </summary>
    protected Task<IActionResult>? ChangedMeanwhile(TextInput input, string saved, string message, TextBlock block)
    {
        var version = TextInput.Digest(saved);
        if (input.Seen is null || input.Seen == version)
        {
            return null;
        }

        StartFrom("Text.Seen", version);
        ModelState.AddModelError("Text.Value", message);
        return FragmentOrPageAsync("_TextBlockForm", block);
    }

    /// <summary>The refused form now carries the version saved meanwhile as its own, so that saving again replaces it knowingly.</summary>
    protected void StartFrom(string seenField, string savedVersion) =>
        ModelState.SetModelValue(seenField, new Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderResult(savedVersion), savedVersion);

    private static string ToPascalCase(string snakeCase) =>
        string.Concat(snakeCase.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
