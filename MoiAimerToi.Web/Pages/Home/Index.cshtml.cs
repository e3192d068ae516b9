using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Letters;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Pages.Shared;
using MoiAimerToi.Web.Remembering;

namespace MoiAimerToi.Web.Pages.Home;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(
    CoupleService couple, CounterService counter, MemoryService memories, LetterService letters, Viewer viewer, Bylines bylines,
    IStringLocalizer<SharedResource> text)
    : SectionPageModel
{
    public CoupleData Couple { get; private set; } = null!;

    public CounterView Counter { get; private set; } = null!;

    public TextBlock Message { get; private set; } = null!;

    /// <summary>The memories of this day in earlier years, newest first; none most days.</summary>
    public IReadOnlyList<Memory> OnThisDay { get; private set; } = [];

    /// <summary>Letters opened for the signed-in partner this week (never anyone else's page).</summary>
    public IReadOnlyList<LetterView> OpenedLetters { get; private set; } = [];

    /// <summary>Which part is open for editing when the page is served whole (no JavaScript).</summary>
    public string? Editing { get; private set; }

    [BindProperty]
    public TextInput Text { get; set; } = new();

    [BindProperty]
    public StartDateInput Start { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    [EditorOnly]
    public async Task<IActionResult> OnGetEditMessageAsync()
    {
        Editing = "message";
        return await FragmentOrPageAsync("_TextBlockForm", MessageBlock((await couple.GetAsync()).HomeMessage));
    }

    public async Task<IActionResult> OnGetShowMessageAsync() =>
        Partial("_TextBlock", MessageBlock((await couple.GetAsync()).HomeMessage));

    [EditorOnly]
    public async Task<IActionResult> OnPostSaveMessageAsync()
    {
        Editing = "message";
        var current = await couple.GetAsync();
        if (ChangedMeanwhile(Text, current.HomeMessage, await bylines.ChangedMeanwhileAsync(current.UpdatedBy, current.HomeMessage), MessageBlock(Text.Value ?? "")) is { } refused)
        {
            return await refused;
        }

        return await TextSavedAsync(await couple.SetHomeMessageAsync(Text.Value, UserId), c => c.HomeMessage, MessageBlock, Text.Value);
    }

    [EditorOnly]
    public async Task<IActionResult> OnGetEditStartDateAsync()
    {
        Editing = "start";
        var current = await couple.GetAsync();
        Start = new StartDateInput { StartDate = current.StartDate.ToString(Common.FieldRules.DateFormat) };
        return await FragmentOrPageAsync("_StartDateForm", Start);
    }

    public async Task<IActionResult> OnGetShowCounterAsync() => Partial("_Counter", await CounterAsync());

    [EditorOnly]
    public async Task<IActionResult> OnPostSaveStartDateAsync()
    {
        var outcome = await couple.SetStartDateAsync(Start.StartDate, UserId);
        if (outcome.Succeeded)
        {
            return Saved("_Counter", await CounterAsync());
        }

        Editing = "start";
        return await RefusedAsync(outcome.Errors, "Start", "_StartDateForm", Start);
    }

    protected override async Task LoadAsync()
    {
        Couple = await couple.GetAsync();
        Counter = await CounterAsync();
        OnThisDay = await memories.OnThisDayAsync();
        OpenedLetters = viewer.CanEdit ? await letters.JustOpenedAsync(viewer.UserId) : [];
        Message = MessageBlock(Editing == "message" && Request.HasFormContentType ? Text.Value ?? "" : Couple.HomeMessage);
        if (Editing == "start" && !Request.HasFormContentType)
        {
            Start = new StartDateInput { StartDate = Couple.StartDate.ToString(Common.FieldRules.DateFormat) };
        }
    }

    /// <summary>Birthdays are counted for the signed-in only (<see cref="CalendarService"/>).</summary>
    private Task<CounterView> CounterAsync() => counter.ViewAsync(withBirthdays: viewer.IsSignedIn);

    private TextBlock MessageBlock(string value) => new(
        "home-message", "/Home/Index", text["Home_MessageLabel"], value, CoupleData.HomeMessageMaxLength,
        "EditMessage", "SaveMessage", "ShowMessage");
}
