using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Dreams;
using MoiAimerToi.Web.Letters;
using MoiAimerToi.Web.Media;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;
using MoiAimerToi.Web.Remembering;
using MoiAimerToi.Web.Photos;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Transfer;

/// <summary>What the site holds, as the import warns before replacing it.</summary>
public sealed record SiteCounts(int Memories, int Photos, int Perspectives);

/// <summary>
/// Everything in one ZIP, written as it goes (never held in memory whole): each photo and video of each album as its
/// original (<c>.heic</c>, <c>.mov</c>…) under a readable name, then <c>data.json</c> naming only the files actually written.
/// </summary>
public sealed class ExportService(
    AppDbContext db, IFileStore store, OriginalFiles originals, SideService sides, LetterService letters, CoupleClock clock, ILogger<ExportService> logger)
{
    private IReadOnlyDictionary<int, IReadOnlyList<SideView>> _sides = new Dictionary<int, IReadOnlyList<SideView>>();
    private Dictionary<string, string?> _userNames = [];
    private List<LetterView> _letters = [];

    private static readonly DateTimeOffset EarliestZipTime = new(1980, 1, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestZipTime = new(2107, 12, 30, 0, 0, 0, TimeSpan.Zero);

    public string FileName => $"moi-aimer-toi-{Day(clock.Today)}.zip";

    public async Task<SiteCounts> CountAsync(CancellationToken cancellationToken = default) => new(
        await db.Memories.CountAsync(cancellationToken),
        await db.MemoryMedia.CountAsync(cancellationToken),
        await db.Perspectives.CountAsync(cancellationToken));

    /// <param name="readerId">The partner exporting: the sides in it are those they may read (none hidden from them).</param>
    public async Task WriteAsync(Stream output, string? readerId, CancellationToken cancellationToken)
    {
        _sides = await sides.AllForAsync(readerId, cancellationToken);
        _userNames = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.UserName, cancellationToken);
        _letters = (await letters.ListAsync(readerId, cancellationToken)).Where(l => l.Content is not null).ToList();
        var couple = await db.CoupleData.AsNoTracking().SingleAsync(c => c.Id == CoupleData.SingletonId, cancellationToken);
        // Oldest first, so an import adds them in the order they were written and keeps ties in order.
        // The whole site, "just us" memories included: an export is the partners' own copy.
        var memories = await db.Memories.AsNoTracking().Include(m => m.Media).AsSplitQuery()
            .OrderBy(m => m.TakenOn).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var perspectives = await db.Perspectives.AsNoTracking().OrderBy(p => p.Number).ToListAsync(cancellationToken);
        var dates = await db.ImportantDates.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var dreams = await db.Dreams.AsNoTracking().OrderBy(d => d.Position).ThenBy(d => d.Id).ToListAsync(cancellationToken);

        var sink = new AsyncOnlyStream(output);
        await using (var zip = await ZipArchive.CreateAsync(sink, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            await WriteEntriesAsync(zip, couple, memories, perspectives, dates, dreams, cancellationToken);
        }

        await sink.FlushAsync(cancellationToken);
    }

    private async Task WriteEntriesAsync(
        ZipArchive zip, CoupleData couple, List<Memory> memories, List<Perspective> perspectives, List<ImportantDate> dates, List<Dream> dreams,
        CancellationToken cancellationToken)
    {
        var names = new PhotoEntryNames();
        var exported = new List<ExportMemory?>(memories.Count);
        foreach (var memory in memories)
        {
            var media = new List<string?>();
            foreach (var medium in Album.InOrder(memory))
            {
                if (await WriteMediumAsync(zip, memory, medium, names, cancellationToken) is { } entry)
                {
                    media.Add(entry);
                }
            }

            exported.Add(new ExportMemory(
                memory.Title, memory.Description, Day(memory.TakenOn),
                memory.CreatedAt, memory.UpdatedAt, media.FirstOrDefault(), memory.JustUs, media, SidesOf(memory.Id)));
        }

        var exportedLetters = new List<ExportLetter?>();
        foreach (var letter in _letters)
        {
            var entries = new List<string?>();
            foreach (var photo in letter.Photos)
            {
                entries.Add(await WriteLetterPhotoAsync(zip, letter, photo, entries.Count + 1, cancellationToken));
            }

            exportedLetters.Add(new ExportLetter(
                _userNames.GetValueOrDefault(letter.AuthorId), letter.ToBoth ? "both" : "partner", Day(letter.OpensOn),
                letter.Content, entries.OfType<string>().Select(e => (string?)e).ToList()));
        }

        var document = new ExportDocument(
            ExportDocument.FormatName,
            ExportDocument.CurrentVersion,
            DateTime.SpecifyKind(clock.UtcNow, DateTimeKind.Unspecified),
            new ExportCouple(Day(couple.StartDate), couple.HomeMessage, couple.IntroText, couple.Monthsaries),
            exported,
            perspectives.Select(p => (ExportPerspective?)new ExportPerspective(p.Number, p.Content, p.UpdatedAt)).ToList(),
            dates.Select(d => (ExportDate?)new ExportDate(d.Title, Day(d.Date), d.Yearly)).ToList(),
            dreams.Select(d => (ExportDream?)new ExportDream(
                d.Title, d.DoneOn is { } done ? Day(done) : null, memories.FindIndex(m => m.Id == d.MemoryId) is var at and >= 0 ? at + 1 : null)).ToList(),
            exportedLetters);
        var data = zip.CreateEntry(ExportDocument.EntryName, CompressionLevel.Optimal);
        data.LastWriteTime = ZipTime(clock.UtcNow);
        await using var stream = await data.OpenAsync(cancellationToken);
        await JsonSerializer.SerializeAsync(stream, document, ExportDocument.Json, cancellationToken);
    }

    private List<ExportSide?>? SidesOf(int memoryId) =>
        _sides.TryGetValue(memoryId, out var views)
            ? views.Where(v => v.Content is not null).Select(v => (ExportSide?)new ExportSide(_userNames.GetValueOrDefault(v.AuthorId), v.Content, v.Revealed)).ToList()
            : null;

    /// <summary>The medium's original as uploaded, else (an original not kept) its full-size photo or prepared video.</summary>
    /// <returns>The entry's name, or null when none of its files is there.</returns>
    private async Task<string?> WriteMediumAsync(ZipArchive zip, Memory memory, MemoryMedia medium, PhotoEntryNames names, CancellationToken cancellationToken)
    {
        var (area, file) = await originals.FindAsync(medium.OriginalFileName, cancellationToken) is { } original
            ? (FileArea.Originals, original)
            : (FileArea.Uploads, medium.FileName is { } stored && PhotoNames.IsStoredFile(stored, out _) ? await store.FindAsync(FileArea.Uploads, stored, cancellationToken) : null);
        if (file is null)
        {
            logger.LogWarning("A photo or video of memory {Id} is missing from {Store}; it is exported without it", memory.Id, store.Name);
            return null;
        }

        var name = names.Next(memory.TakenOn, memory.Title, Path.GetExtension(file.Name));
        // Photos and videos do not shrink further; storing them spares the CPU.
        await CopyEntryAsync(zip, name, area, file, memory.UpdatedAt, cancellationToken);
        return name;
    }

    /// <summary>A letter's photo, its full-size JPEG, as <c>letters/{opens_on} {letter} {n}.jpg</c>; null when its file is missing.</summary>
    private async Task<string?> WriteLetterPhotoAsync(ZipArchive zip, LetterView letter, LetterPhoto photo, int number, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(FileArea.Uploads, photo.FileName, cancellationToken) is not { } file)
        {
            logger.LogWarning("A photo of letter {Id} is missing from {Store}; it is exported without it", letter.Id, store.Name);
            return null;
        }

        var name = $"letters/{Day(letter.OpensOn)} {letter.Id} {number}{Path.GetExtension(photo.FileName)}";
        await CopyEntryAsync(zip, name, FileArea.Uploads, file, lastWrite: null, cancellationToken);
        return name;
    }

    private async Task CopyEntryAsync(ZipArchive zip, string name, FileArea area, StoredFileInfo file, DateTime? lastWrite, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        if (lastWrite is { } time)
        {
            entry.LastWriteTime = ZipTime(time);
        }

        await using var source = await store.OpenReadAsync(area, file, cancellationToken);
        await using var target = await entry.OpenAsync(cancellationToken);
        await source.CopyToAsync(target, cancellationToken);
    }

    private static string Day(DateOnly day) => day.ToString(FieldRules.DateFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ZipTime(DateTime utc)
    {
        var time = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return time < EarliestZipTime ? EarliestZipTime : time > LatestZipTime ? LatestZipTime : time;
    }
}
