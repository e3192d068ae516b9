using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Memories;

/// <summary>
/// A memory's side of the photo pipeline: an upload becomes a stored photo or a field error a person can
/// read, and files are removed only once no saved row points to them.
/// </summary>
public sealed class MemoryPhotos(PhotoPipeline pipeline, IOptions<PhotoOptions> options, IStringLocalizer<SharedResource> text)
{
    public async Task<(StoredPhoto? Photo, FieldError? Error)> StoreAsync(Stream upload, CancellationToken cancellationToken)
    {
        try
        {
            return (await pipeline.StoreAsync(upload, cancellationToken), null);
        }
        catch (PhotoRejectedException rejected)
        {
            return (null, ErrorFor(rejected.Reason));
        }
    }

    /// <summary>The memory's photo as stored, or null when it has none; the inverse of <see cref="Attach"/>.</summary>
    public static StoredPhoto? Of(Memory memory) =>
        memory.PhotoFileName is { } name ? new StoredPhoto(name, memory.PhotoWidth ?? 0, memory.PhotoHeight ?? 0, TakenOn: null) : null;

    public static void Attach(Memory memory, StoredPhoto photo)
    {
        memory.PhotoFileName = photo.FileName;
        memory.PhotoWidth = photo.Width;
        memory.PhotoHeight = photo.Height;
    }

    public void Remove(string? fileName)
    {
        if (fileName is not null)
        {
            pipeline.DeleteFiles(fileName);
        }
    }

    /// <summary>Every file no memory refers to goes, if it was written before <paramref name="writtenBefore"/> (UTC).</summary>
    public async Task<int> SweepOrphansAsync(AppDbContext db, DateTime writtenBefore, CancellationToken cancellationToken = default)
    {
        // Every memory, "just us" ones too: a file one of them shows is not an orphan.
        var referenced = await db.Memories.Where(m => m.PhotoFileName != null).Select(m => m.PhotoFileName!).ToListAsync(cancellationToken);
        return pipeline.SweepOrphans(referenced.ToHashSet(StringComparer.Ordinal), writtenBefore);
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
