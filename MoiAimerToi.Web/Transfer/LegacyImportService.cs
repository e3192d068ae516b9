using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Transfer;

/// <summary>
/// Moves the old Flask site in: its texts, memories (with their old <c>created_at</c>) and perspectives
/// through the services' rules, each photo through the pipeline. What cannot come (a missing or broken
/// photo, a row that breaks a rule) is left out and reported, never stopping the rest; the site's content
/// is then replaced in one transaction, as a restore does.
/// </summary>
public sealed class LegacyImportService(
    CoupleService couple,
    MemoryService memories,
    PerspectiveService perspectives,
    MemoryPhotos photos,
    ContentReplacer replacer,
    CoupleClock clock,
    IStringLocalizer<SharedResource> text)
{
    /// <exception cref="ImportRefusedException">The database cannot be read as the old site's; nothing changed.</exception>
    public async Task<ImportSummary> ImportAsync(string databasePath, ILegacyPhotoSource uploads, string? userId, CancellationToken cancellationToken)
    {
        LegacyData old;
        try
        {
            old = await LegacyDatabase.ReadAsync(databasePath, cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or FileNotFoundException or FormatException or OverflowException)
        {
            throw new ImportRefusedException(text["Error_LegacyNotDatabase", exception.Message], inner: exception);
        }

        var skipped = new List<ImportSkip>();
        await using var staging = new PhotoStaging(photos);
        var importedMemories = new List<Memory>();
        foreach (var row in old.Memories)
        {
            if (await MemoryAsync(row, uploads, staging, skipped, userId, cancellationToken) is { } memory)
            {
                importedMemories.Add(memory);
            }
        }

        var content = new SiteContent(Couple(old.Couple, skipped), importedMemories, Perspectives(old.Perspectives, skipped, userId));
        await replacer.ReplaceAsync(content, userId, cancellationToken);
        staging.Keep();
        return ImportSummary.Of(content, skipped);
    }

    /// <summary>Each text the old site had and the rules accept; the others keep the site's own.</summary>
    private ImportedCouple Couple(LegacyCouple? old, List<ImportSkip> skipped)
    {
        if (old is null)
        {
            return new ImportedCouple(null, null, null);
        }

        // A text the old site never set keeps the site's own; one that breaks a rule is reported and keeps it too.
        var errors = couple.Validate(old.StartDate, old.HomeMessage, old.IntroText, out var startDate);
        var values = new Dictionary<string, string?>
        {
            ["start_date"] = old.StartDate,
            ["home_message"] = old.HomeMessage,
            ["intro_text"] = old.IntroText,
        };
        foreach (var error in errors.Where(e => values[e.Field] is not null))
        {
            skipped.Add(new ImportSkip(text["Field_" + error.Field], error.Message));
        }

        string? Accepted(string field) => values[field] is { } value && errors.All(e => e.Field != field) ? value.Trim() : null;
        return new ImportedCouple(startDate, Accepted("home_message"), Accepted("intro_text"));
    }

    private async Task<Memory?> MemoryAsync(
        LegacyMemory row, ILegacyPhotoSource uploads, PhotoStaging staging, List<ImportSkip> skipped, string? userId, CancellationToken cancellationToken)
    {
        var item = text["Legacy_Memory", row.Title ?? "", row.Id];
        var fieldErrors = memories.Validate(new MemoryInput(row.Title ?? "", row.Description, null), out _);
        if (fieldErrors.Count > 0)
        {
            skipped.Add(new ImportSkip(item, string.Join(" ", fieldErrors.Select(e => e.Message))));
            return null;
        }

        // A photo that cannot come leaves the memory without it, reported.
        var photo = string.IsNullOrWhiteSpace(row.PhotoUrl) ? null : await PhotoAsync(row.PhotoUrl, item, uploads, staging, skipped, cancellationToken);
        var createdAt = LegacyDatabase.ParseTimestamp(row.CreatedAt) ?? clock.UtcNow;
        return memories.Compose(new MemoryInput(row.Title, row.Description, null), null, photo, userId, createdAt);
    }

    private async Task<Photos.StoredPhoto?> PhotoAsync(
        string photoUrl, string item, ILegacyPhotoSource uploads, PhotoStaging staging, List<ImportSkip> skipped, CancellationToken cancellationToken)
    {
        var shown = SafeArchive.Printable(photoUrl);
        var (source, problem) = uploads.Open(photoUrl);
        if (source is null)
        {
            skipped.Add(new ImportSkip(item, problem switch
            {
                LegacyPhotoProblem.OutsideUploads => text["Legacy_PhotoOutside", shown],
                LegacyPhotoProblem.Unreadable => text["Legacy_PhotoUnreadable", shown],
                _ => text["Legacy_PhotoMissing", shown],
            }));
            return null;
        }

        await using (source)
        {
            var (stored, error) = await StoreAsync(staging, source, cancellationToken);
            if (stored is null)
            {
                skipped.Add(new ImportSkip(item, text["Legacy_PhotoRefused", shown, error!]));
            }

            return stored;
        }
    }

    /// <summary>
    /// A photo the pipeline refuses, or one that cannot be read from the ZIP, is one photo left out; the store of
    /// photos not answering is no photo's fault, and refuses the whole import (nothing saved).
    /// </summary>
    private static async Task<(Photos.StoredPhoto? Photo, string? Error)> StoreAsync(PhotoStaging staging, Stream source, CancellationToken cancellationToken)
    {
        (Photos.StoredPhoto? Photo, FieldError? Error) result;
        try
        {
            result = await staging.StoreAsync(source, cancellationToken);
        }
        catch (ImportRefusedException refused)
        {
            return (null, refused.Message);
        }
        catch (IOException exception) when (exception is not FileStoreUnavailableException)
        {
            return (null, exception.Message);
        }

        return result.Error is { Kind: ErrorKind.Unavailable } unavailable
            ? throw new ImportRefusedException(unavailable.Message, ErrorKind.Unavailable)
            : (result.Photo, result.Error?.Message);
    }

    private List<Perspective> Perspectives(IReadOnlyList<LegacyPerspective> rows, List<ImportSkip> skipped, string? userId)
    {
        var imported = new List<Perspective>();
        foreach (var row in rows)
        {
            int? number = int.TryParse(row.Number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
            var item = text["Legacy_Perspective", row.Number ?? "?", row.Id];
            var fieldErrors = perspectives.Validate(number, row.Content ?? "", imported);
            if (fieldErrors.Count > 0)
            {
                skipped.Add(new ImportSkip(item, string.Join(" ", fieldErrors.Select(e => e.Message))));
                continue;
            }

            imported.Add(perspectives.Compose(number!.Value, row.Content ?? "", userId, LegacyDatabase.ParseTimestamp(row.UpdatedAt)));
        }

        return imported;
    }
}
