using MoiAimerToi.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Pages.Shared;
using MoiAimerToi.Web.Perspectives;

namespace MoiAimerToi.Web.Pages.Future;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(PerspectiveService perspectives, IStringLocalizer<SharedResource> text) : SectionPageModel
{
    public IReadOnlyList<TextBlock> Blocks { get; private set; } = [];

    /// <summary>The perspective open for editing when the page is served whole (no JavaScript).</summary>
    public int? Editing { get; private set; }

    [BindProperty]
    public TextInput Text { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    [EditorOnly]
    public async Task<IActionResult> OnGetEditAsync(int number)
    {
        if (!Perspective.Numbers.Contains(number))
        {
            return NotFound();
        }

        Editing = number;
        return await FragmentOrPageAsync("_TextBlockForm", Block(number, await SavedContentAsync(number)));
    }

    public async Task<IActionResult> OnGetShowAsync(int number) =>
        Perspective.Numbers.Contains(number) ? Partial("_TextBlock", Block(number, await SavedContentAsync(number))) : NotFound();

    [EditorOnly]
    public async Task<IActionResult> OnPostSaveAsync(int number)
    {
        if (!Perspective.Numbers.Contains(number))
        {
            return NotFound();
        }

        Editing = number;
        return await TextSavedAsync(
            await perspectives.SaveAsync(number, Text.Value, UserId), saved => saved.Perspective.Content,
            text => Block(number, text), Text.Value, new { number = (int?)null });
    }

    protected override async Task LoadAsync()
    {
        var saved = (await perspectives.ListAsync()).ToDictionary(p => p.Number, p => p.Content);
        Blocks = Perspective.Numbers
            .Select(number => Block(number, Editing == number && Request.HasFormContentType ? Text.Value ?? "" : saved.GetValueOrDefault(number, "")))
            .ToList();
    }

    private async Task<string> SavedContentAsync(int number) => (await perspectives.FindAsync(number))?.Content ?? "";

    public string Heading(int number) => text["Future_Perspective" + number];

    private TextBlock Block(int number, string value) => new(
        $"perspective-{number}", "/Future/Index", Heading(number), value, Perspective.ContentMaxLength,
        "Edit", "Save", "Show", new Dictionary<string, string> { ["number"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
