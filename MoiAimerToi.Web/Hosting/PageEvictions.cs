using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Data;
using Npgsql;

namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// Several instances on one PostgreSQL database each keep their own cache of visitors' pages (<see cref="PageCache"/>).
/// A write that empties this instance's cache is announced on a channel once it is committed (<c>NOTIFY</c>), and every
/// other instance, listening (<c>LISTEN</c>), empties its own at once. On SQLite there is one instance: nothing to say.
/// The listening connection is named after its instance, so an instance can also tell whether others run.
/// </summary>
public sealed class PageEvictions(IOptions<DatabaseOptions> database, IOutputCacheStore cache, ILogger<PageEvictions> logger) : BackgroundService
{
    private const string Channel = "moi_aimer_toi_pages";
    private const string ListenerName = "moi-aimer-toi listener ";
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    /// <summary>Who announced: an instance does not empty its cache again for its own write.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");

    /// <summary>Tells the other instances that pages changed; a failure costs them at most <see cref="PageCache.Lifetime"/> of old pages.</summary>
    public async Task AnnounceAsync()
    {
        if (!database.Value.IsPostgres)
        {
            return;
        }

        try
        {
            await using var connection = new NpgsqlConnection(database.Value.PostgresConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @instance)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("instance", _instance);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(exception, "Other instances were not told that pages changed; they show theirs for up to {Lifetime} more", PageCache.Lifetime);
        }
    }

    /// <summary>Whether another instance of the site listens on this database now (always false on SQLite).</summary>
    public async Task<bool> OthersRunningAsync(CancellationToken cancellationToken)
    {
        if (!database.Value.IsPostgres)
        {
            return false;
        }

        await using var connection = new NpgsqlConnection(database.Value.PostgresConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE @listeners AND application_name <> @mine", connection);
        command.Parameters.AddWithValue("listeners", ListenerName + "%");
        command.Parameters.AddWithValue("mine", ListenerName + _instance);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.Value.IsPostgres)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Listening for other instances' writes stopped; listening again in {Delay}", RetryAfterFailure);
                await Task.Delay(RetryAfterFailure, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(database.Value.DedicatedConnectionString) { ApplicationName = ListenerName + _instance }.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        var changed = false;
        connection.Notification += (_, notification) => changed |= notification.Payload != _instance;
        await using (var command = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await command.ExecuteNonQueryAsync(stoppingToken);
        }

        // What others wrote while this one was not listening is not known: its pages start over.
        await PageCache.EvictAsync(cache);
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
            if (changed)
            {
                changed = false;
                await PageCache.EvictAsync(cache);
            }
        }
    }
}
