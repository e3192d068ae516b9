using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Media;

/// <summary>
/// Prepares the videos waiting for it, one at a time, in the order they came. A video's row is its job: it says
/// « en préparation » (<see cref="MediaStatus.Processing"/>) until its files are written and the row says where,
/// so a job cut short by a stop or a crash is simply done again at the next start; never lost, never half-written.
/// With several instances, one prepares videos at a time (<see cref="JobLeases"/>); when it dies, another's next round
/// finds its video still « en préparation » and prepares it.
/// </summary>
public sealed class VideoJobs(
    IServiceScopeFactory scopes, DatabaseStartup database, JobLeases leases, IOptions<MediaOptions> options, ILogger<VideoJobs> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>A video was added: look for work now rather than at the next round.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.AnsweringAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await leases.TryTakeAsync("videos", stoppingToken);
                // A lease lost midway stops the video under way (its row stays « en préparation »), for whoever holds it next.
                while (lease is not null && await RunNextAsync(lease.Token))
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The row stays « en préparation » and is tried again at the next round.
                logger.LogError(exception, "Preparing a video failed");
            }

            try
            {
                await _wake.WaitAsync(TimeSpan.FromMinutes(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>False when no video was waiting.</returns>
    private async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AppDbContext>();
        var next = await db.MemoryMedia.AsNoTracking()
            .Where(m => m.Status == MediaStatus.Processing).OrderBy(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        if (next is null)
        {
            return false;
        }

        var originals = provider.GetRequiredService<OriginalFiles>();
        PreparedVideo? video;
        string? failure;
        try
        {
            if (await originals.FindAsync(next.OriginalFileName, cancellationToken) is { } original)
            {
                using var local = await provider.GetRequiredService<IFileStore>().GetLocalAsync(FileArea.Originals, original, cancellationToken);
                (video, failure) = await provider.GetRequiredService<VideoPreparation>().PrepareAsync(local.Path, cancellationToken);
            }
            else
            {
                (video, failure) = (null, VideoFailure.OriginalMissing);
            }
        }
        catch (FileStoreUnavailableException unavailable) when (!cancellationToken.IsCancellationRequested)
        {
            if (await provider.GetRequiredService<IFileStore>().ProblemAsync(cancellationToken) is not null)
            {
                // The store is down, which is not the video's fault: it stays waiting, for the next round.
                logger.LogWarning("Video {Id} waits for the store of files: {Reason}", next.Id, unavailable.Message);
                return false;
            }

            // The store answers but not for this one (refused, say): it fails, and the videos after it are not held up.
            logger.LogError(unavailable, "Preparing video {Id} failed", next.Id);
            (video, failure) = (null, VideoFailure.Unreadable);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong, this video says so, and the ones after it are not held up.
            logger.LogError(exception, "Preparing video {Id} failed", next.Id);
            (video, failure) = (null, VideoFailure.Unreadable);
        }

        await provider.GetRequiredService<AlbumService>().FinishVideoAsync(next.Id, video, failure, options.Value.KeepOriginals);
        return true;
    }
}
