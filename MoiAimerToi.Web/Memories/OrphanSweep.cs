using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Memories;

/// <summary>
/// Once the site answers after a start: the photo files no memory refers to and that were written before this
/// start (an upload cut short by a crash or a restart) go. Files written since are spared, so an upload under way
/// is never touched, and the first page never waits for the folder to be listed.
/// </summary>
public sealed class OrphanSweep(IServiceProvider services, DatabaseStartup database, TimeProvider time, ILogger<OrphanSweep> logger) : BackgroundService
{
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
            await using var scope = services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            await provider.GetRequiredService<MemoryPhotos>().SweepOrphansAsync(provider.GetRequiredService<AppDbContext>(), _started, stoppingToken);
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
