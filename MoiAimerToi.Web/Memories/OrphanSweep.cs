using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Memories;

/// <summary>
/// Once the site answers after a start: the photo files no memory refers to and that were written before this
/// start (an upload cut short by a crash or a restart) go. Files written since are spared, so an upload under way
/// is never touched, and the first page never waits for the folder to be listed. On PostgreSQL other instances may
/// share the folder and be mid-upload as this one starts: files of the last hour are spared too.
/// </summary>
public sealed class OrphanSweep(
    IServiceProvider services, DatabaseStartup database, JobLeases leases, IOptions<DatabaseOptions> options, TimeProvider time, ILogger<OrphanSweep> logger)
    : BackgroundService
{
    /// <summary>Made before the server starts, so before any upload of this run (and, shared, of the others' last hour).</summary>
    private readonly DateTime _writtenBefore = time.GetUtcNow().UtcDateTime - (options.Value.IsPostgres ? TimeSpan.FromHours(1) : TimeSpan.Zero);

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
            await provider.GetRequiredService<MemoryPhotos>().SweepOrphansAsync(provider.GetRequiredService<AppDbContext>(), _writtenBefore, stoppingToken);
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
