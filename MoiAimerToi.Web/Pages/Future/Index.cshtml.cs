using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Dreams;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Pages.Shared;
using MoiAimerToi.Web.Perspectives;

namespace MoiAimerToi.Web.Pages.Future;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(
    PerspectiveService perspectives,
    Partners partners,
    Viewer viewer,
    Bylines bylines,
    DreamService dreams,
    MemoryService memories,
    CoupleClock clock,
    IStringLocalizer<SharedResource> text) : SectionPageModel
{
    /// <summary>The couple's list of dreams, under the two perspectives.</summary>
    public DreamsView Dreams { get; private set; } = null!;

    /// <summary>A dream just ticked without JavaScript (<c>?done=</c>): offered again to become a memory.</summary>
    [FromQuery(Name = "done")]
    public int? JustDone { get; set; }

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

        if (await RefusedAsync(number) is { } refused)
        {
            return refused;
        }

        Editing = number;
        return await FragmentOrPageAsync("_TextBlockForm", await BlockAsync(number, await SavedAsync(number)));
    }

    public async Task<IActionResult> OnGetShowAsync(int number) =>
        Perspective.Numbers.Contains(number) ? Partial("_TextBlock", await BlockAsync(number, await SavedAsync(number))) : NotFound();

    [EditorOnly]
    public async Task<IActionResult> OnPostSaveAsync(int number)
    {
        if (!Perspective.Numbers.Contains(number))
        {
            return NotFound();
        }

        if (await RefusedAsync(number) is { } refused)
        {
            return refused;
        }

        Editing = number;
        var current = await SavedAsync(number);
        if (ChangedMeanwhile(Text, current?.Content ?? "", await bylines.ChangedMeanwhileAsync(current?.UpdatedBy, current?.Content ?? ""),
                await BlockAsync(number, current, Text.Value ?? "")) is { } changed)
        {
            return await changed;
        }

        var outcome = await perspectives.SaveAsync(number, Text.Value, UserId);
        var block = await BlockAsync(number, outcome.Succeeded ? outcome.Value!.Perspective : null, Text.Value ?? "");
        return await TextSavedAsync(outcome, saved => saved.Perspective.Content, typed => block with { Value = typed }, Text.Value, new { number = (int?)null });
    }

    protected override async Task LoadAsync()
    {
        var saved = (await perspectives.ListAsync()).ToDictionary(p => p.Number);
        var blocks = new List<TextBlock>();
        foreach (var number in Perspective.Numbers)
        {
            var perspective = saved.GetValueOrDefault(number);
            blocks.Add(Editing == number && Request.HasFormContentType
                ? await BlockAsync(number, perspective, Text.Value ?? "")
                : await BlockAsync(number, perspective));
        }

        Blocks = blocks;
        Dreams = await DreamsModel.ViewAsync(dreams, memories, clock, viewer.CanEdit ? JustDone : null);
    }

    /// <summary>403, with the reason, when this perspective is the other partner's.</summary>
    private async Task<IActionResult?> RefusedAsync(int number)
    {
        if (await partners.MayWritePerspectiveAsync(User, number))
        {
            return null;
        }

        var owner = await partners.OwnerAsync(number);
        return new ContentResult
        {
            StatusCode = StatusCodes.Status403Forbidden,
            ContentType = "text/plain; charset=utf-8",
            Content = text["Future_NotYours", owner?.ShownName ?? ""],
        };
    }

    private Task<Perspective?> SavedAsync(int number) => perspectives.FindAsync(number);

    /// <summary>
    /// « Moi » for the signed-in partner's own, « Toi » for the other's; for everyone else the partners' names once
    /// both have joined (« Moi » and « Toi » until then).
    /// </summary>
    public async Task<string> HeadingAsync(int number)
    {
        if (viewer.PerspectiveNumber is { } own)
        {
            return text[own == number ? "Future_Perspective1" : "Future_Perspective2"];
        }

        var owner = await partners.OwnerAsync(number);
        var other = await partners.OwnerAsync(3 - number);
        return owner is not null && other is not null ? owner.ShownName : text["Future_Perspective" + number];
    }

    private async Task<TextBlock> BlockAsync(int number, Perspective? perspective, string? typed = null) => new(
        $"perspective-{number}", "/Future/Index", await HeadingAsync(number), typed ?? perspective?.Content ?? "", Perspective.ContentMaxLength,
        "Edit", "Save", "Show", new Dictionary<string, string> { ["number"] = number.ToString(CultureInfo.InvariantCulture) },
        Editable: viewer.CanEdit && await partners.MayWritePerspectiveAsync(User, number),
        Byline: perspective is null ? null : await bylines.ChangedAsync(perspective.UpdatedBy, perspective.UpdatedAt));
}
