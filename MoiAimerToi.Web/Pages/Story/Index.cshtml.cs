using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Pages.Shared;

namespace MoiAimerToi.Web.Pages.Story;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(CoupleService couple, Bylines bylines, IStringLocalizer<SharedResource> text) : SectionPageModel
{
    public TextBlock Intro { get; private set; } = null!;

    public bool Editing { get; private set; }

    [BindProperty]
    public TextInput Text { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    [EditorOnly]
    public async Task<IActionResult> OnGetEditAsync()
    {
        Editing = true;
        return await FragmentOrPageAsync("_TextBlockForm", IntroBlock((await couple.GetAsync()).IntroText));
    }

    public async Task<IActionResult> OnGetShowAsync() =>
        Partial("_TextBlock", IntroBlock((await couple.GetAsync()).IntroText));

    [EditorOnly]
    public async Task<IActionResult> OnPostSaveAsync()
    {
        Editing = true;
        var current = await couple.GetAsync();
        if (ChangedMeanwhile(Text, current.IntroText, await bylines.ChangedMeanwhileAsync(current.UpdatedBy, current.IntroText), IntroBlock(Text.Value ?? "")) is { } refused)
        {
            return await refused;
        }

        return await TextSavedAsync(await couple.SetIntroTextAsync(Text.Value, UserId), c => c.IntroText, IntroBlock, Text.Value);
    }

    protected override async Task LoadAsync()
    {
        var saved = (await couple.GetAsync()).IntroText;
        Intro = IntroBlock(Editing && Request.HasFormContentType ? Text.Value ?? "" : saved);
    }

    private TextBlock IntroBlock(string value) => new(
        "intro", "/Story/Index", text["Story_Label"], value, CoupleData.IntroTextMaxLength, "Edit", "Save", "Show");
}
