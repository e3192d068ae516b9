using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Memories;

/// <summary>
/// Once the site answers after a start: the photo files no memory refers to and that were written before this
/// start (an upload cut short by a crash or a restart) go. Files written since are spared, so an upload under way
/// is never touched, and the first page never waits for the folder to be listed. While other instances run on the
/// same PostgreSQL database they may share the folder and be mid-upload: files of the last hour are spared too.
/// </summary>
public sealed class OrphanSweep(
    IServiceProvider services, DatabaseStartup database, JobLeases leases, PageEvictions instances, TimeProvider time, ILogger<OrphanSweep> logger)
    : BackgroundService
{
    private static readonly TimeSpan OthersGrace = TimeSpan.FromHours(1);

    /// <summary>Made before the server starts, so before any upload of this run.</summary>
    private readonly DateTime _started = time.GetUtcNow().UtcDateTime;

    /// <summary>Completes once the sweep has run, whether or not it deleted anything or failed.</summary>
    public Task Done => _done.Task;

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await database.AnsweringAsync(stoppingToken);
            await using var lease = await leases.TryTakeAsync("orphan-sweep", stoppingToken);
            if (lease is null)
            {
                return; // Another instance sweeps the same folder right now.
            }

            await using var scope = services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            if (File.Exists(provider.GetRequiredService<DataPaths>().RestoreUnderWay))
            {
                // Files the restored database does not name may be the old site's, not yet moved aside.
                logger.LogWarning("A restore was cut short (restore-under-way in the data directory): no file is swept until restore has run again to the end");
                return;
            }

            // A lease lost midway stops the sweep: another instance may be sweeping.
            var writtenBefore = await instances.OthersRunningAsync(lease.Token) ? _started - OthersGrace : _started;
            await provider.GetRequiredService<MemoryPhotos>().SweepOrphansAsync(provider.GetRequiredService<AppDbContext>(), writtenBefore, lease.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A file left behind costs only room; the next start tries again.
            logger.LogError(exception, "Sweeping the photo files no memory refers to failed");
        }
        finally
        {
            _done.TrySetResult();
        }
    }
}
