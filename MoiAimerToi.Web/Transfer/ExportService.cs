using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;
using MoiAimerToi.Web.Photos;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Transfer;

/// <summary>What the site holds, as the import warns before replacing it.</summary>
public sealed record SiteCounts(int Memories, int Photos, int Perspectives);

/// <summary>
/// Everything in one ZIP, written as it goes (never held in memory whole): each memory's full-size photo
/// under a readable name, then <c>data.json</c> naming only the photos actually written.
/// </summary>
public sealed class ExportService(AppDbContext db, DataPaths paths, CoupleClock clock, ILogger<ExportService> logger)
{
    private static readonly DateTimeOffset EarliestZipTime = new(1980, 1, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestZipTime = new(2107, 12, 30, 0, 0, 0, TimeSpan.Zero);

    public string FileName => $"moi-aimer-toi-{Day(clock.Today)}.zip";

    public async Task<SiteCounts> CountAsync(CancellationToken cancellationToken = default) => new(
        await db.Memories.CountAsync(cancellationToken),
        await db.Memories.CountAsync(m => m.PhotoFileName != null, cancellationToken),
        await db.Perspectives.CountAsync(cancellationToken));

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        var couple = await db.CoupleData.AsNoTracking().SingleAsync(c => c.Id == CoupleData.SingletonId, cancellationToken);
        // Oldest first, so an import adds them in the order they were written and keeps ties in order.
        // The whole site, "just us" memories included: an export is the partners' own copy.
        var memories = await db.Memories.AsNoTracking()
            .OrderBy(m => m.TakenOn).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var perspectives = await db.Perspectives.AsNoTracking().OrderBy(p => p.Number).ToListAsync(cancellationToken);

        var sink = new AsyncOnlyStream(output);
        await using (var zip = await ZipArchive.CreateAsync(sink, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            await WriteEntriesAsync(zip, couple, memories, perspectives, cancellationToken);
        }

        await sink.FlushAsync(cancellationToken);
    }

    private async Task WriteEntriesAsync(
        ZipArchive zip, CoupleData couple, List<Memory> memories, List<Perspective> perspectives, CancellationToken cancellationToken)
    {
        var names = new PhotoEntryNames();
        var exported = new List<ExportMemory?>(memories.Count);
        foreach (var memory in memories)
        {
            var photo = await WritePhotoAsync(zip, memory, names, cancellationToken);
            exported.Add(new ExportMemory(
                memory.Title, memory.Description, Day(memory.TakenOn),
                memory.CreatedAt, memory.UpdatedAt, photo, memory.JustUs));
        }

        var document = new ExportDocument(
            ExportDocument.FormatName,
            ExportDocument.CurrentVersion,
            DateTime.SpecifyKind(clock.UtcNow, DateTimeKind.Unspecified),
            new ExportCouple(Day(couple.StartDate), couple.HomeMessage, couple.IntroText),
            exported,
            perspectives.Select(p => (ExportPerspective?)new ExportPerspective(p.Number, p.Content, p.UpdatedAt)).ToList());
        var data = zip.CreateEntry(ExportDocument.EntryName, CompressionLevel.Optimal);
        data.LastWriteTime = ZipTime(clock.UtcNow);
        await using var stream = await data.OpenAsync(cancellationToken);
        await JsonSerializer.SerializeAsync(stream, document, ExportDocument.Json, cancellationToken);
    }

    /// <returns>The entry's name, or null when the memory has no photo or its file has gone.</returns>
    private async Task<string?> WritePhotoAsync(ZipArchive zip, Memory memory, PhotoEntryNames names, CancellationToken cancellationToken)
    {
        if (memory.PhotoFileName is not { } fileName || !PhotoNames.IsStoredFile(fileName, out _))
        {
            return null;
        }

        FileStream source;
        try
        {
            source = new FileStream(Path.Combine(paths.Uploads, fileName), FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);
        }
        catch (FileNotFoundException)
        {
            logger.LogWarning("The photo of memory {Id} is missing from the uploads folder; it is exported without it", memory.Id);
            return null;
        }

        await using (source)
        {
            var name = names.Next(memory.TakenOn, memory.Title);
            // A JPEG does not shrink further; storing it spares the CPU.
            var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
            entry.LastWriteTime = ZipTime(memory.UpdatedAt);
            await using var target = await entry.OpenAsync(cancellationToken);
            await source.CopyToAsync(target, cancellationToken);
            return name;
        }
    }

    private static string Day(DateOnly day) => day.ToString(FieldRules.DateFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ZipTime(DateTime utc)
    {
        var time = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return time < EarliestZipTime ? EarliestZipTime : time > LatestZipTime ? LatestZipTime : time;
    }
}
