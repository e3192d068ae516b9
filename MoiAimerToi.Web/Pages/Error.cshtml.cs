using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace MoiAimerToi.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>The resource keys of the title and text for the status code the page was re-executed for.</summary>
    public (string Title, string Text) Keys { get; private set; } = ("Error_Title", "Error_Text");

    public void OnGet(int? code) => Keys = code switch
    {
        StatusCodes.Status404NotFound => ("Error_NotFoundTitle", "Error_NotFoundText"),
        StatusCodes.Status413PayloadTooLarge => ("Error_TooLargeTitle", "Error_TooLargeText"),
        _ => ("Error_Title", "Error_Text"),
    };

    public void OnPost(int? code) => OnGet(code);
}
