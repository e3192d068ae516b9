using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Htmx;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Pages.Shared;
using MoiAimerToi.Web.Remembering;

namespace MoiAimerToi.Web.Pages.Calendar;

/// <summary><c>/calendar</c>: the next twelve months of occasions, and the couple's own dates, added and changed in place.</summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(CalendarService calendar, ImportantDates dates, Viewer viewer) : SectionPageModel
{
    public CalendarBody Body { get; private set; } = null!;

    [BindProperty]
    public DateInput Input { get; set; } = new();

    private int? _editing;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetBodyAsync() => Partial("_CalendarBody", await BodyAsync());

    [EditorOnly]
    public async Task<IActionResult> OnGetEditDateAsync(int id)
    {
        if (await dates.FindAsync(id) is not { } important)
        {
            return NotFound();
        }

        _editing = id;
        Input = new DateInput { Id = id, Title = important.Title, Date = important.Date.ToString(FieldRules.DateFormat), Yearly = important.Yearly };
        return await FragmentOrPageAsync("_DateForm", Input);
    }

    [EditorOnly]
    public async Task<IActionResult> OnPostAddDateAsync()
    {
        Input.Id = null;
        return await SavedOrRefusedAsync(await dates.AddAsync(ToInput(), UserId));
    }

    [EditorOnly]
    public async Task<IActionResult> OnPostSaveDateAsync(int id)
    {
        Input.Id = id;
        _editing = id;
        return await dates.UpdateAsync(id, ToInput(), UserId) is { } outcome ? await SavedOrRefusedAsync(outcome) : NotFound();
    }

    [EditorOnly]
    public async Task<IActionResult> OnPostDeleteDateAsync(int id)
    {
        await dates.DeleteAsync(id);
        return await BodySavedAsync();
    }

    [EditorOnly]
    public async Task<IActionResult> OnPostMonthsariesAsync(bool on)
    {
        await calendar.SetMonthsariesAsync(on, UserId);
        return await BodySavedAsync();
    }

    protected override async Task LoadAsync() => Body = await BodyAsync();

    private async Task<IActionResult> SavedOrRefusedAsync(Outcome<ImportantDate> outcome)
    {
        if (outcome.Succeeded)
        {
            return await BodySavedAsync();
        }

        return await RefusedAsync(outcome.Errors, nameof(Input), "_DateForm", Input);
    }

    /// <summary>The whole body again (the list of occasions changes with the dates), in place of the form that sent it.</summary>
    private async Task<IActionResult> BodySavedAsync()
    {
        if (!Request.IsHtmx())
        {
            return RedirectToPage();
        }

        Response.Htmx(h => h.Retarget("#calendar-body").Reswap("outerHTML"));
        return Partial("_CalendarBody", await BodyAsync(fresh: true));
    }

    private async Task<CalendarBody> BodyAsync(bool fresh = false)
    {
        var sources = await calendar.SourcesAsync(withBirthdays: viewer.IsSignedIn);
        var editing = fresh ? null : _editing;
        var adding = !fresh && Input.Id is null && Request.HasFormContentType ? Input : new DateInput { Yearly = true };
        return new CalendarBody(calendar.Today, calendar.NextYear(sources), sources.Dates, sources.Monthsaries, adding, editing, editing is null ? null : Input);
    }

    private ImportantDateInput ToInput() => new(Input.Title, Input.Date, Input.Yearly);
}
