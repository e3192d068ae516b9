namespace MoiAimerToi.Web.Data;

/// <summary>
/// Brings the database up to date once, on a thread of its own, while the server starts: requests and
/// background work wait for <see cref="Ready"/>, so the first answer costs the longer of the two, not both.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services)
{
    private readonly Lazy<Task> _ready = new(() => Task.Run(async () =>
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }));

    /// <summary>Starts the work the first time it is asked for; fails as it did when the database cannot be made ready.</summary>
    public Task Ready => _ready.Value;
}
