using System.Security.Claims;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Pages.Shared;
using MoiAimerToi.Web.Transfer;

namespace MoiAimerToi.Web.Pages.Data;

/// <summary>The couple's own data: download all of it, or replace the site's content with a ZIP (after confirming).</summary>
[Authorize(Policy = Policies.Editor)]
[AcceptsImport]
[EnableRateLimiting(RateLimits.Uploads)]
public sealed class IndexModel(ExportService export, ImportService imports, IStringLocalizer<SharedResource> text) : SectionPageModel
{
    public SiteCounts Counts { get; private set; } = new(0, 0, 0);

    /// <summary>The import form is shown only after the person asked for it: the first step of the confirmation.</summary>
    public bool ImportOpen { get; private set; }

    public ImportSummary? Result { get; private set; }

    [BindProperty]
    public ImportInput Input { get; set; } = new();

    public ImportPanel Panel => new(ImportOpen, Counts, Input);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        Response.ContentType = "application/zip";
        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = export.FileName }.ToString();
        await export.WriteAsync(Response.Body, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnGetConfirmImportAsync()
    {
        ImportOpen = true;
        Counts = await export.CountAsync();
        return await FragmentOrPageAsync("_ImportPanel", Panel);
    }

    public async Task<IActionResult> OnGetCancelImportAsync()
    {
        Counts = await export.CountAsync();
        return await FragmentOrPageAsync("_ImportPanel", Panel);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        ImportOpen = true;
        var errors = new List<FieldError>();
        if (Input.File is not { Length: > 0 })
        {
            errors.Add(new FieldError("file", text["Error_ImportNoFile"]));
        }

        if (!Input.Confirm)
        {
            errors.Add(new FieldError("confirm", text["Error_ImportConfirm"]));
        }

        if (errors.Count == 0)
        {
            await using var upload = Input.File!.OpenReadStream();
            var outcome = await imports.ImportAsync(upload, UserId, cancellationToken);
            if (outcome.Succeeded)
            {
                // The report is the answer: shown at once, not after a redirect that would have to carry it.
                Result = outcome.Value;
                ImportOpen = false;
                await LoadAsync();
                return Page();
            }

            errors.AddRange(outcome.Errors);
        }

        Counts = await export.CountAsync();
        return await RefusedAsync(errors, "Input", "_ImportPanel", Panel);
    }

    protected override async Task LoadAsync() => Counts = await export.CountAsync();
}
