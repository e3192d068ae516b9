using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Media;

namespace MoiAimerToi.Web.Memories;

/// <summary>
/// Changes to a memory's album, for pages and API alike: add one photo or video, remove one, put them in order.
/// A photo is stored before its row is written and a video's original before its row (its job) is, so no row ever
/// names a missing file; files go only once no saved row names them. Album changes of the whole site wait for one
/// another (<see cref="AlbumLock"/>), so two uploads at once into one album both count.
/// </summary>
public sealed class AlbumService(
    AppDbContext db,
    MemoryService memories,
    MemoryPhotos photos,
    OriginalFiles originals,
    VideoIntake videos,
    VideoJobs jobs,
    AlbumLock albumLock,
    CoupleClock clock,
    IStringLocalizer<SharedResource> text)
{
    /// <returns>Null when no memory this request may read has that id (the file, stored first, then goes); else the memory
    /// and the new medium, or why not. A caller that would rather not receive a file for nothing asks
    /// <see cref="MemoryService.ExistsAsync"/> first (<see cref="Media.AlbumUploads"/>).</returns>
    public async Task<Outcome<(Memory Memory, MemoryMedia Medium)>?> AddAsync(int memoryId, MediaUpload upload, string? userId, CancellationToken cancellationToken)
    {
        var (medium, error) = MediaSniffer.Sniff(upload.Header) switch
        {
            { Kind: MediaKind.Photo } => await PhotoAsync(upload, cancellationToken),
            { Kind: MediaKind.Video, VideoExtension: var extension } => await videos.AcceptAsync(upload.Path, extension!, upload.FileName, cancellationToken),
            _ => (null, new FieldError("file", text["Media_Unsupported"], ErrorKind.UnsupportedMedia)),
        };
        if (error is not null)
        {
            return Outcome<(Memory, MemoryMedia)>.Failure([error]);
        }

        using (await albumLock.EnterAsync())
        {
            var memory = await memories.FindForChangeAsync(memoryId, CancellationToken.None);
            if (memory is null)
            {
                // None with that id, or deleted while the file was being stored.
                await photos.RemoveAsync([medium]);
                return null;
            }

            Album.Add(memory, medium!);
            await SaveOrRemoveAsync(memory, userId, [medium]);
            if (medium!.Status == MediaStatus.Processing)
            {
                jobs.Wake();
            }

            return (memory, medium);
        }
    }

    /// <returns>Null when the memory, or a medium of it with that id, does not exist for this request.</returns>
    public async Task<Memory?> RemoveAsync(int memoryId, int mediaId, string? userId, CancellationToken cancellationToken)
    {
        using (await albumLock.EnterAsync())
        {
            if (await memories.FindForChangeAsync(memoryId, cancellationToken) is not { } memory || Album.Remove(memory, mediaId) is not { } removed)
            {
                return null;
            }

            await SaveAsync(memory, userId);
            await photos.RemoveAsync([removed]);
            return memory;
        }
    }

    /// <summary>A failed video goes back to its job, prepared again from its original.</summary>
    /// <returns>False when the album has no failed video with that id, or its original was not kept.</returns>
    public async Task<bool> RetryAsync(int memoryId, int mediaId, CancellationToken cancellationToken)
    {
        using (await albumLock.EnterAsync())
        {
            var memory = await memories.FindForChangeAsync(memoryId, cancellationToken);
            if (memory?.Media.FirstOrDefault(m => m.Id == mediaId) is not { Status: MediaStatus.Failed, OriginalFileName: not null } medium)
            {
                return false;
            }

            (medium.Status, medium.Failure) = (MediaStatus.Processing, null);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        jobs.Wake();
        return true;
    }

    /// <summary>The album in the order of <paramref name="ids"/> (each of its media once; the first is the cover).</summary>
    /// <returns>Null when no memory this request may read has that id.</returns>
    public async Task<Outcome<Memory>?> OrderAsync(int memoryId, IReadOnlyList<int> ids, string? userId, CancellationToken cancellationToken) =>
        await ChangeOrderAsync(memoryId, _ => ids, userId, cancellationToken);

    public async Task<Outcome<Memory>?> MoveAsync(int memoryId, int mediaId, int by, string? userId, CancellationToken cancellationToken) =>
        await ChangeOrderAsync(memoryId, memory => Album.Moved(memory, mediaId, by), userId, cancellationToken);

    public async Task<Outcome<Memory>?> MakeCoverAsync(int memoryId, int mediaId, string? userId, CancellationToken cancellationToken) =>
        await ChangeOrderAsync(memoryId, memory => Album.WithCover(memory, mediaId), userId, cancellationToken);

    /// <summary>
    /// Writes what the video job made of a video: its files and « prêt », or why it failed. A video removed meanwhile
    /// takes the files just made with it.
    /// </summary>
    public async Task FinishVideoAsync(int mediaId, PreparedVideo? video, string? failure, bool keepOriginal)
    {
        using (await albumLock.EnterAsync())
        {
            // The job belongs to no one's request: every memory, "just us" ones too.
            var memory = await db.Memories.Include(m => m.Media).SingleOrDefaultAsync(m => m.Media.Any(x => x.Id == mediaId));
            var medium = memory?.Media.Single(x => x.Id == mediaId);
            if (memory is null || medium is not { Status: MediaStatus.Processing })
            {
                await photos.RemoveAsync(video?.FileName);
                await photos.RemoveAsync(video?.Poster);
                return;
            }

            var original = medium.OriginalFileName;
            if (video is null)
            {
                (medium.Status, medium.Failure) = (MediaStatus.Failed, failure);
            }
            else
            {
                (medium.Status, medium.FileName, medium.PosterFileName) = (MediaStatus.Ready, video.FileName, video.Poster.FileName);
                (medium.Width, medium.Height, medium.Color, medium.DurationSeconds) = (video.Poster.Width, video.Poster.Height, video.Poster.Color, video.DurationSeconds);
                if (!keepOriginal)
                {
                    medium.OriginalFileName = null;
                }
            }

            Album.Refresh(memory);
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch
            {
                await photos.RemoveAsync(video?.FileName);
                await photos.RemoveAsync(video?.Poster);
                throw;
            }

            if (video is not null && !keepOriginal)
            {
                await originals.DeleteAsync(original);
            }
        }
    }

    private async Task<Outcome<Memory>?> ChangeOrderAsync(int memoryId, Func<Memory, IReadOnlyList<int>> order, string? userId, CancellationToken cancellationToken)
    {
        using (await albumLock.EnterAsync())
        {
            if (await memories.FindForChangeAsync(memoryId, cancellationToken) is not { } memory)
            {
                return null;
            }

            if (!Album.Order(memory, order(memory)))
            {
                return Outcome<Memory>.Failure([new FieldError("ids", text["Media_OrderMismatch"])]);
            }

            await SaveAsync(memory, userId);
            return memory;
        }
    }

    private async Task<(MemoryMedia?, FieldError?)> PhotoAsync(MediaUpload upload, CancellationToken cancellationToken)
    {
        await using var content = upload.OpenRead();
        var (stored, error) = await photos.StoreAsync(content, cancellationToken);
        return stored is null ? (null, error! with { Field = "file" }) : (Album.Photo(stored, clock.UtcNow, upload.FileName), null);
    }

    private async Task SaveAsync(Memory memory, string? userId)
    {
        memory.UpdatedAt = clock.UtcNow;
        memory.UpdatedBy = userId;
        // Whatever happens to the request now: a half-saved change is worse than a late one.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task SaveOrRemoveAsync(Memory memory, string? userId, IEnumerable<MemoryMedia?> added)
    {
        try
        {
            await SaveAsync(memory, userId);
        }
        catch
        {
            await photos.RemoveAsync(added);
            throw;
        }
    }
}

/// <summary>One album change at a time across the site: each reads the album, changes it and writes it back whole.</summary>
public sealed class AlbumLock
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync()
    {
        await _gate.WaitAsync();
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
