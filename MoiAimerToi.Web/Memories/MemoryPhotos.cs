using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Media;
using MoiAimerToi.Web.Photos;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Memories;

/// <summary>
/// A memory's side of the photo pipeline: an upload becomes a stored photo or a field error a person can
/// read, and files are removed only once no saved row points to them.
/// </summary>
public sealed class MemoryPhotos(
    PhotoPipeline pipeline,
    OriginalFiles originals,
    DataPaths paths,
    IOptions<PhotoOptions> options,
    IOptions<MediaOptions> media,
    IStringLocalizer<SharedResource> text,
    ILogger<MemoryPhotos> logger)
{
    /// <param name="keepOriginal">False for a photo no one downloads as uploaded (a letter's).</param>
    public async Task<(StoredPhoto? Photo, FieldError? Error)> StoreAsync(Stream upload, CancellationToken cancellationToken, bool keepOriginal = true)
    {
        try
        {
            return (await pipeline.StoreAsync(upload, keepOriginal && media.Value.KeepOriginals, cancellationToken), null);
        }
        catch (PhotoRejectedException rejected)
        {
            return (null, ErrorFor(rejected.Reason));
        }
        catch (FileStoreUnavailableException unavailable)
        {
            logger.LogWarning("A photo could not be stored: {Reason}", unavailable.Message);
            return (null, new FieldError("photo", text["Error_StoreUnavailable"], ErrorKind.Unavailable));
        }
    }

    /// <summary>The memory's cover picture as stored, or null when it has none.</summary>
    public static StoredPhoto? Of(Memory memory) =>
        memory.PhotoFileName is { } name ? new StoredPhoto(name, memory.PhotoWidth ?? 0, memory.PhotoHeight ?? 0, TakenOn: null, memory.PhotoColor) : null;

    /// <summary>A medium's stored picture (a photo, or a video's poster), or null while it has none.</summary>
    public static StoredPhoto? Of(MemoryMedia medium) =>
        medium.PictureFileName is { } name ? new StoredPhoto(name, medium.Width, medium.Height, medium.TakenOn, medium.Color) : null;

    /// <summary>Every file of these media: pictures and their variants, prepared videos, originals.</summary>
    public async Task RemoveAsync(IEnumerable<MemoryMedia?> media)
    {
        foreach (var medium in media.OfType<MemoryMedia>())
        {
            foreach (var name in new[] { medium.FileName, medium.PosterFileName })
            {
                await RemoveAsync(name);
            }

            await originals.DeleteAsync(medium.OriginalFileName);
        }
    }

    /// <summary>A photo just stored whose row could not be saved: its variants and its original.</summary>
    public async Task RemoveAsync(StoredPhoto? photo)
    {
        await RemoveAsync(photo?.FileName);
        await originals.DeleteAsync(photo?.Original);
    }

    public async Task RemoveAsync(string? fileName)
    {
        if (fileName is not null)
        {
            await pipeline.DeleteFilesAsync(fileName);
        }
    }

    /// <summary>Every file no medium refers to goes, if it was written before <paramref name="writtenBefore"/> (UTC).</summary>
    public async Task<int> SweepOrphansAsync(AppDbContext db, DateTime writtenBefore, CancellationToken cancellationToken = default)
    {
        // Every medium, "just us" memories' too: a file one of them shows is not an orphan.
        var media = await db.MemoryMedia.Select(m => new { m.FileName, m.PosterFileName, m.OriginalFileName }).ToListAsync(cancellationToken);
        var stored = media.SelectMany(m => new[] { m.FileName, m.PosterFileName }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var kept = media.Select(m => m.OriginalFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // And every letter's photos, sealed ones too.
        stored.UnionWith(await db.LetterPhotos.Select(p => p.FileName).ToListAsync(cancellationToken));
        return await pipeline.SweepOrphansAsync(stored, writtenBefore, cancellationToken)
            + await originals.SweepOrphansAsync(kept, writtenBefore, cancellationToken)
            + SweepScratch(writtenBefore);
    }

    /// <summary>Uploads cut short while they streamed in, files cut short on their way into the store: the scratch's own files.</summary>
    private int SweepScratch(DateTime writtenBefore)
    {
        string[] ours = [MediaUpload.ScratchPrefix, VideoPreparation.ScratchPrefix, StoredFiles.ScratchPrefix];
        return StoredFiles.DeleteOrphans(paths.Scratch, name => ours.Any(name.StartsWith), writtenBefore, "scratch files cut short", logger);
    }

    private FieldError ErrorFor(PhotoRejection reason)
    {
        var limits = options.Value;
        return reason switch
        {
            PhotoRejection.TooLarge => new FieldError("photo", text["Error_PhotoTooLarge", limits.MaxUploadBytes / (1024 * 1024)], ErrorKind.TooLarge),
            PhotoRejection.NotAnImage => new FieldError("photo", text["Error_PhotoNotImage"], ErrorKind.UnsupportedMedia),
            PhotoRejection.TooManyPixels => new FieldError("photo", text["Error_PhotoTooManyPixels", limits.MaxPixels / 1_000_000]),
            _ => new FieldError("photo", text["Error_PhotoCorrupt"]),
        };
    }
}
