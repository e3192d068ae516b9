namespace MoiAimerToi.Web.Data;

/// <summary>
/// Brings the database up to date once, on a thread of its own, while the server starts: requests and
/// background work wait for <see cref="Ready"/>, so the first answer costs the longer of the two, not both.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, IHostApplicationLifetime lifetime)
{
    private readonly Lazy<Task> _ready = new(() => Task.Run(async () =>
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }));

    /// <summary>Starts the work the first time it is asked for; fails as it did when the database cannot be made ready.</summary>
    public Task Ready => _ready.Value;

    /// <summary>Once the database is ready and the server answers: when work that must not delay the first page may begin.</summary>
    public async Task AnsweringAsync(CancellationToken cancellationToken)
    {
        await Ready.WaitAsync(cancellationToken);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(cancellationToken);
        }
    }
}
