using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Backups;

/// <summary>
/// Backs up at start-up when the newest backup is older than the interval, then whenever it gets that old.
/// The schedule is read from the backups on disk, so restarts neither skip nor repeat a backup.
/// </summary>
public sealed class BackupScheduler(
    BackupService backups, DatabaseStartup database, JobLeases leases, TimeProvider time, ILogger<BackupScheduler> logger)
    : BackgroundService
{
    // Waking at least hourly catches a changed clock or a machine that slept; the check only lists a folder.
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);
    private static readonly TimeSpan ShortestWait = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(15);

    private readonly TaskCompletionSource _startupCheck = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the start-up check has run, whether or not it made a backup or failed.</summary>
    public Task StartupCheck => _startupCheck.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A backup due at start-up runs once the site answers, not in front of its first page.
            await database.AnsweringAsync(stoppingToken);
            while (true)
            {
                var wait = await BackupIfDueAsync(stoppingToken);
                _startupCheck.TrySetResult();
                await Task.Delay(wait, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _startupCheck.TrySetResult();
        }
    }

    private async Task<TimeSpan> BackupIfDueAsync(CancellationToken stoppingToken)
    {
        try
        {
            // With several instances, one backs up; the others find its backup when they look again. A lease lost
            // midway stops the backup: another instance may be making one.
            await using (var lease = await leases.TryTakeAsync("backups", stoppingToken))
            {
                if (lease is not null)
                {
                    await backups.BackupIfDueAsync(lease.Token);
                }
            }

            return Clamp(backups.TimeUntilDue());
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Automatic backup failed; trying again in {Delay}", RetryAfterFailure);
            return RetryAfterFailure;
        }
    }

    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < ShortestWait ? ShortestWait : wait > LongestWait ? LongestWait : wait;
}
