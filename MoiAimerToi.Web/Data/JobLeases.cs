using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MoiAimerToi.Web.Data;

/// <summary>
/// Work done by one instance of the site at a time: background jobs (backups, videos, reminders, the sweep), which
/// another instance skips meanwhile, and the start's migration and seeding, which it waits for. On PostgreSQL, where
/// several instances may share the database, a lease is a session advisory lock on a connection of its own, held
/// while the work runs: released when the work ends, and by the server itself when the instance holding it dies (its
/// connection closes), so the next round of another instance takes the work over. On SQLite the database is one
/// site's own: the lease is always granted.
/// </summary>
public sealed class JobLeases(IOptions<DatabaseOptions> database, ILogger<JobLeases> logger)
{
    private static readonly IAsyncDisposable Granted = new NoLease();

    /// <summary>The lease, to dispose when the work is done; null while another instance holds it.</summary>
    public Task<IAsyncDisposable?> TryTakeAsync(string job, CancellationToken cancellationToken) => LockAsync(job, wait: false, cancellationToken);

    /// <summary>The lease, once the instance holding it (if any) is done: for work every instance does, one after another.</summary>
    public async Task<IAsyncDisposable> TakeAsync(string job, CancellationToken cancellationToken) =>
        (await LockAsync(job, wait: true, cancellationToken))!;

    private async Task<IAsyncDisposable?> LockAsync(string job, bool wait, CancellationToken cancellationToken)
    {
        if (!database.Value.IsPostgres)
        {
            return Granted;
        }

        // Closing it ends the session, and the lock with it, whatever happened to the work.
        var connection = new NpgsqlConnection(database.Value.DedicatedConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(wait ? "SELECT pg_advisory_lock(@key)" : "SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", KeyOf(job));
            if (wait)
            {
                // As long as the holder's work takes (a migration): the holder's death ends the wait too.
                command.CommandTimeout = 0;
            }

            var taken = await command.ExecuteScalarAsync(cancellationToken);
            if (wait || (bool)taken!)
            {
                return new Lease(connection);
            }

            logger.LogDebug("Job {Job} runs on another instance", job);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A stable number per job, the same on every instance.</summary>
    private static long KeyOf(string job) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("moi-aimer-toi/" + job)), 0);

    private sealed class Lease(NpgsqlConnection connection) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    private sealed class NoLease : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
