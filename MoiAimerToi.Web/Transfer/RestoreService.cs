using System.Text.Json;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Dreams;
using MoiAimerToi.Web.Letters;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;
using MoiAimerToi.Web.Remembering;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Media;
using MoiAimerToi.Web.Photos;
using MoiAimerToi.Web.Storage;

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
    ImportantDates dates,
    DreamService dreams,
    Partners partners,
    LetterService letters,
    MemoryPhotos photos,
    VideoIntake videos,
    VideoJobs jobs,
    DataPaths paths,
    IOptions<MediaOptions> media,
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
        var importedDates = document.Dates is null ? null : CheckDates(document.Dates, errors, userId);
        var checkedDreams = document.Dreams is null ? null : CheckDreams(document.Dreams, document.Memories!.Count, errors, userId);
        if (errors.Count > 0)
        {
            throw Refused(errors);
        }

        await using var staging = new PhotoStaging(photos);
        var importedMemories = new List<Memory>(checkedMemories.Count);
        var importedSides = new List<ImportedSide>();
        // Only the importer's own sides and letters come in: an import never writes, or wipes, in the other partner's name.
        var authors = (await partners.AccountsAsync(cancellationToken)).Values
            .Where(u => u.Role == AccountRole.Partner && u.UserName is not null && u.Id == userId).ToDictionary(u => u.UserName!, u => u.Id);
        foreach (var (exported, takenOn, entries) in checkedMemories)
        {
            var createdAt = Utc(exported.CreatedAt) ?? clock.UtcNow;
            var memory = memories.Compose(new MemoryInput(exported.Title, exported.Description, null, exported.JustUs), takenOn, null, userId, createdAt);
            foreach (var entry in entries)
            {
                Album.Add(memory, await StoreAsync(archive, entry, staging, createdAt, cancellationToken));
            }

            memory.UpdatedAt = Utc(exported.UpdatedAt) ?? createdAt;
            importedMemories.Add(memory);
            importedSides.AddRange(SidesOf(exported, memory, authors, createdAt));
        }

        var importedLetters = new List<Letter>();
        foreach (var letter in document.Letters ?? [])
        {
            if (await LetterOfAsync(letter, archive, authors, staging, cancellationToken) is { } imported)
            {
                importedLetters.Add(imported);
            }
        }

        var importedDreams = checkedDreams?.Select(d => new ImportedDream(d.Dream, d.Memory is { } at ? importedMemories[at - 1] : null)).ToList();
        var content = new SiteContent(importedCouple!, importedMemories, importedPerspectives, importedDates, importedDreams, importedSides, importedLetters);
        await replacer.ReplaceAsync(content, userId, cancellationToken);
        staging.Keep();
        if (importedMemories.Any(m => m.Media.Any(x => x.Status == MediaStatus.Processing)))
        {
            // Their variants are made from their originals in the background, as for an upload.
            jobs.Wake();
        }

        return ImportSummary.Of(content, []);
    }

    /// <summary>One photo or video of an album, from its original: a photo's variants made now, a video's later.</summary>
    private async Task<MemoryMedia> StoreAsync(SafeArchive archive, string entry, PhotoStaging staging, DateTime addedAt, CancellationToken cancellationToken)
    {
        MediaUpload? upload;
        await using (var source = archive.Open(entry))
        {
            (upload, _, _) = await MediaUpload.SaveAsync(source, Path.GetFileName(entry), (media.Value.MaxVideoBytes, media.Value.MaxVideoBytes), paths, cancellationToken);
        }

        if (upload is null)
        {
            throw Refused(entry, text["Media_VideoTooLarge", media.Value.MaxVideoBytes / (1024 * 1024)]);
        }

        await using (upload)
        {
            switch (MediaSniffer.Sniff(upload.Header))
            {
                case { Kind: MediaKind.Photo }:
                    await using (var content = upload.OpenRead())
                    {
                        var (stored, error) = await staging.StoreAsync(content, cancellationToken);
                        return stored is not null ? Album.Photo(stored, addedAt, Path.GetFileName(entry)) : throw Refused(entry, error!.Message);
                    }

                case { Kind: MediaKind.Video, VideoExtension: var extension }:
                    var (video, refusal) = await videos.AcceptAsync(upload.Path, extension!, Path.GetFileName(entry), cancellationToken);
                    if (video is null)
                    {
                        throw Refused(entry, refusal!.Message);
                    }

                    staging.Track(video);
                    return video;

                default:
                    throw Refused(entry, text["Media_Unsupported"]);
            }
        }
    }

    private ImportRefusedException Refused(string entry, string reason) => new(text["Error_ImportPhoto", SafeArchive.Printable(entry), reason]);

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
        return fieldErrors.Count > 0 ? null : new ImportedCouple(startDate, imported!.HomeMessage!.Trim(), imported.IntroText!.Trim(), imported.Monthsaries);
    }

    private List<ImportantDate> CheckDates(IReadOnlyList<ExportDate?> imported, List<string> errors, string? userId)
    {
        var checkedOnes = new List<ImportantDate>();
        foreach (var (date, index) in imported.Select((d, i) => (d, i + 1)))
        {
            var input = new ImportantDateInput(date?.Title, date?.Date, date?.Yearly);
            var fieldErrors = dates.Validate(input, out var day);
            errors.AddRange(fieldErrors.Select(e => text["Error_ImportDate", index, e.Message].Value));
            if (fieldErrors.Count == 0)
            {
                checkedOnes.Add(dates.Compose(input, day!.Value, userId));
            }
        }

        return checkedOnes;
    }

    /// <summary>
    /// The sides of an imported memory whose authors are partners of this site (by user name) and whose text keeps the
    /// rules; any other is left out, as a side belongs to its author.
    /// </summary>
    private static IEnumerable<ImportedSide> SidesOf(ExportMemory exported, Memory memory, Dictionary<string, string> authors, DateTime at) =>
        (exported.Sides ?? [])
            .Where(s => s is { Author: not null, Content: { Length: <= MemorySide.ContentMaxLength } } && s.Content.Trim().Length > 0 && authors.ContainsKey(s.Author))
            .GroupBy(s => s!.Author!)
            .Select(g => new ImportedSide(memory, new MemorySide
            {
                AuthorId = authors[g.Key], Content = g.First()!.Content!.Trim(), Revealed = g.First()!.Revealed ?? false, CreatedAt = at, UpdatedAt = at,
            }));

    /// <summary>
    /// A letter of a partner of this site (by user name), with its photos stored again; null for anyone else's, or a
    /// letter whose day or text breaks the rules (a letter already opened keeps its day, even a past one).
    /// </summary>
    private async Task<Letter?> LetterOfAsync(ExportLetter? exported, SafeArchive archive, Dictionary<string, string> authors, PhotoStaging staging, CancellationToken cancellationToken)
    {
        if (exported is not { From: { } from, Content: { Length: <= Letter.ContentMaxLength } content, To: "partner" or "both" } || content.Trim().Length == 0
            || !authors.TryGetValue(from, out var authorId)
            || !DateOnly.TryParseExact(exported.OpensOn, FieldRules.DateFormat, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var opensOn))
        {
            return null;
        }

        var noPartner = new List<FieldError>();
        var recipient = await letters.RecipientAsync(authorId, exported.To == "both", noPartner, cancellationToken);
        if (noPartner.Count > 0)
        {
            return null; // A letter for a partner this site does not have.
        }

        var letter = new Letter
        {
            AuthorId = authorId, ToBoth = exported.To == "both", RecipientId = recipient, Content = content.Trim(), OpensOn = opensOn,
            CreatedAt = clock.UtcNow, UpdatedAt = clock.UtcNow,
        };
        foreach (var entry in (exported.Photos ?? []).OfType<string>().Where(archive.Contains).Take(Letter.MaxPhotos))
        {
            await using var source = archive.Open(entry);
            var (stored, error) = await staging.StoreAsync(source, cancellationToken);
            if (stored is null)
            {
                throw Refused(entry, error!.Message);
            }

            letter.Photos.Add(new LetterPhoto { FileName = stored.FileName, Width = stored.Width, Height = stored.Height, Position = letter.Photos.Count });
        }

        return letter;
    }

    /// <returns>Each dream that passes the rules, with the place in <c>memories</c> of the memory made of it.</returns>
    private List<(Dream Dream, int? Memory)> CheckDreams(IReadOnlyList<ExportDream?> imported, int memoryCount, List<string> errors, string? userId)
    {
        var checkedOnes = new List<(Dream, int?)>();
        foreach (var (dream, index) in imported.Select((d, i) => (d, i + 1)))
        {
            var fieldErrors = dreams.Validate(dream?.Title, dream?.DoneOn, out var doneOn);
            if (dream?.Memory is { } at && (at < 1 || at > memoryCount))
            {
                fieldErrors.Add(new FieldError("memory", text["Error_ImportDreamMemory", at].Value));
            }

            errors.AddRange(fieldErrors.Select(e => text["Error_ImportDream", index, e.Message].Value));
            if (fieldErrors.Count == 0)
            {
                checkedOnes.Add((dreams.Compose(dream!.Title!, doneOn, index, userId), dream.Memory));
            }
        }

        return checkedOnes;
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

    /// <returns>Each memory that passes the rules, with the date the file gives (if any) and the ZIP entries of its album.</returns>
    private List<(ExportMemory Memory, DateOnly? TakenOn, IReadOnlyList<string> Media)> CheckMemories(IReadOnlyList<ExportMemory?> imported, SafeArchive archive, List<string> errors)
    {
        var checkedOnes = new List<(ExportMemory, DateOnly?, IReadOnlyList<string>)>();
        foreach (var (memory, index) in imported.Select((m, i) => (m, i + 1)))
        {
            var fieldErrors = memories.Validate(new MemoryInput(memory?.Title ?? "", memory?.Description, memory?.TakenOn), out var takenOn);
            // An album lists its media; an older export, or another program's, its one photo.
            var media = memory?.Media?.OfType<string>().ToList() ?? (memory?.Photo is { } photo ? [photo] : []);
            foreach (var entry in media.Where(e => !archive.Contains(e)))
            {
                fieldErrors.Add(new FieldError("photo", text["Error_ImportPhotoMissing", SafeArchive.Printable(entry)]));
            }

            errors.AddRange(fieldErrors.Select(e => text["Error_ImportMemory", index, e.Message].Value));
            if (fieldErrors.Count > 0)
            {
                continue;
            }

            checkedOnes.Add((memory!, takenOn, media));
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
