using System.Text.Json;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;
using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Transfer;

/// <summary>
/// Brings back an export: every text through the rules its own service applies, every photo through the
/// pipeline, and only when all of it passes does the site's content get replaced. Anything wrong refuses
/// the whole ZIP, naming what is wrong.
/// </summary>
public sealed class RestoreService(
    CoupleService couple,
    MemoryService memories,
    PerspectiveService perspectives,
    MemoryPhotos photos,
    ContentReplacer replacer,
    CoupleClock clock,
    IStringLocalizer<SharedResource> text)
{
    private const int ErrorsShown = 5;

    /// <exception cref="ImportRefusedException">The archive or its content breaks a rule; nothing changed.</exception>
    public async Task<ImportSummary> RestoreAsync(SafeArchive archive, string? userId, CancellationToken cancellationToken)
    {
        var document = await ReadAsync(archive, cancellationToken);
        var errors = new List<string>();
        var importedCouple = CheckCouple(document.Couple, errors);
        var importedPerspectives = CheckPerspectives(document.Perspectives!, errors, userId);
        var checkedMemories = CheckMemories(document.Memories!, archive, errors);
        if (errors.Count > 0)
        {
            throw Refused(errors);
        }

        using var staging = new PhotoStaging(photos);
        var importedMemories = new List<Memory>(checkedMemories.Count);
        foreach (var (exported, takenOn, photo) in checkedMemories)
        {
            StoredPhoto? stored = null;
            if (photo is not null)
            {
                await using var source = archive.Open(photo);
                (stored, var error) = await staging.StoreAsync(source, cancellationToken);
                if (error is not null)
                {
                    throw new ImportRefusedException(text["Error_ImportPhoto", SafeArchive.Printable(photo), error.Message]);
                }
            }

            var createdAt = Utc(exported.CreatedAt) ?? clock.UtcNow;
            var memory = memories.Compose(new MemoryInput(exported.Title, exported.Description, null, exported.JustUs), takenOn, stored, userId, createdAt);
            memory.UpdatedAt = Utc(exported.UpdatedAt) ?? createdAt;
            importedMemories.Add(memory);
        }

        var content = new SiteContent(importedCouple!, importedMemories, importedPerspectives);
        await replacer.ReplaceAsync(content, userId, cancellationToken);
        staging.Keep();
        return ImportSummary.Of(content, []);
    }

    private async Task<ExportDocument> ReadAsync(SafeArchive archive, CancellationToken cancellationToken)
    {
        ExportDocument? document;
        try
        {
            await using var stream = archive.Open(ExportDocument.EntryName);
            using var json = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { MaxDepth = ExportDocument.Json.MaxDepth }, cancellationToken);
            // Another program's data.json is told apart before its fields are read as ours.
            if (!IsOurs(json.RootElement))
            {
                throw new ImportRefusedException(text["Error_ImportFormat"]);
            }

            document = json.RootElement.Deserialize<ExportDocument>(ExportDocument.Json);
        }
        catch (JsonException exception)
        {
            var where = exception.Path is { Length: > 1 } path ? $" ({path})" : "";
            throw new ImportRefusedException(text["Error_ImportJson", where], inner: exception);
        }

        if (document?.Couple is null || document.Memories is null || document.Perspectives is null)
        {
            throw new ImportRefusedException(text["Error_ImportIncomplete"]);
        }

        return document;
    }

    private static bool IsOurs(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == ExportDocument.FormatName
        && root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number
        && version.TryGetInt32(out var number) && number == ExportDocument.CurrentVersion;

    private ImportedCouple? CheckCouple(ExportCouple? imported, List<string> errors)
    {
        var fieldErrors = couple.Validate(imported?.StartDate, imported?.HomeMessage, imported?.IntroText, out var startDate);
        errors.AddRange(fieldErrors.Select(e => text["Error_ImportCouple", e.Message].Value));
        return fieldErrors.Count > 0 ? null : new ImportedCouple(startDate, imported!.HomeMessage!.Trim(), imported.IntroText!.Trim());
    }

    private List<Perspective> CheckPerspectives(IReadOnlyList<ExportPerspective?> imported, List<string> errors, string? userId)
    {
        var checkedOnes = new List<Perspective>();
        foreach (var (perspective, index) in imported.Select((p, i) => (p, i + 1)))
        {
            var fieldErrors = perspectives.Validate(perspective?.PerspectiveNumber, perspective?.Content, checkedOnes);
            errors.AddRange(fieldErrors.Select(e => text["Error_ImportPerspective", index, e.Message].Value));
            if (fieldErrors.Count == 0)
            {
                checkedOnes.Add(perspectives.Compose(perspective!.PerspectiveNumber!.Value, perspective.Content!, userId, Utc(perspective.UpdatedAt)));
            }
        }

        return checkedOnes;
    }

    /// <returns>Each memory that passes the rules, with the date the file gives (if any) and the ZIP entry of its photo.</returns>
    private List<(ExportMemory Memory, DateOnly? TakenOn, string? Photo)> CheckMemories(IReadOnlyList<ExportMemory?> imported, SafeArchive archive, List<string> errors)
    {
        var checkedOnes = new List<(ExportMemory, DateOnly?, string?)>();
        foreach (var (memory, index) in imported.Select((m, i) => (m, i + 1)))
        {
            var fieldErrors = memories.Validate(new MemoryInput(memory?.Title ?? "", memory?.Description, memory?.TakenOn), out var takenOn);
            if (memory?.Photo is { } photo && !archive.Contains(photo))
            {
                fieldErrors.Add(new FieldError("photo", text["Error_ImportPhotoMissing", SafeArchive.Printable(photo)]));
            }

            errors.AddRange(fieldErrors.Select(e => text["Error_ImportMemory", index, e.Message].Value));
            if (fieldErrors.Count > 0)
            {
                continue;
            }

            checkedOnes.Add((memory!, takenOn, memory!.Photo));
        }

        return checkedOnes;
    }

    private ImportRefusedException Refused(List<string> errors)
    {
        var shown = errors.Take(ErrorsShown).ToList();
        if (errors.Count > ErrorsShown)
        {
            shown.Add(text["Error_ImportMoreErrors", errors.Count - ErrorsShown]);
        }

        return new ImportRefusedException(string.Join(" ", shown));
    }

    /// <summary>The database keeps UTC; a timestamp written with an offset is brought to it.</summary>
    private static DateTime? Utc(DateTime? value) => value?.Kind == DateTimeKind.Local ? value.Value.ToUniversalTime() : value;
}
