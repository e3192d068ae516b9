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
    /// <summary>How often a holder asks its lease's connection whether it still answers.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(10);

    /// <summary>The lease, to dispose when the work is done; null while another instance holds it.</summary>
    public Task<Lease?> TryTakeAsync(string job, CancellationToken cancellationToken) => LockAsync(job, wait: false, cancellationToken);

    /// <summary>The lease, once the instance holding it (if any) is done: for work every instance does, one after another.</summary>
    public async Task<Lease> TakeAsync(string job, CancellationToken cancellationToken) =>
        (await LockAsync(job, wait: true, cancellationToken))!;

    private async Task<Lease?> LockAsync(string job, bool wait, CancellationToken cancellationToken)
    {
        if (!database.Value.IsPostgres)
        {
            return new Lease(cancellationToken);
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
                return new Lease(connection, job, logger, cancellationToken);
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

    /// <summary>
    /// A held lease. Its connection is asked every <see cref="CheckEvery"/> whether it still answers: when it does not
    /// (the server restarted, the network dropped, the session was ended), the server has dropped the lock or soon
    /// will, another instance may take the work, and <see cref="Token"/> tells the work here to stop.
    /// </summary>
    public sealed class Lease : IAsyncDisposable
    {
        private readonly NpgsqlConnection? _connection;
        private readonly CancellationTokenSource? _stop;
        private readonly PeriodicTimer? _timer;
        private readonly Task _watch = Task.CompletedTask;

        /// <summary>SQLite's: always held.</summary>
        internal Lease(CancellationToken cancellationToken) => Token = cancellationToken;

        internal Lease(NpgsqlConnection connection, string job, ILogger logger, CancellationToken cancellationToken)
        {
            _connection = connection;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Token = _stop.Token;
            _timer = new PeriodicTimer(CheckEvery);
            _watch = WatchAsync(job, logger);
        }

        /// <summary>For the work under the lease: cancelled when the token it was taken with is, or when the lease is lost.</summary>
        public CancellationToken Token { get; }

        private async Task WatchAsync(string job, ILogger logger)
        {
            try
            {
                while (await _timer!.WaitForNextTickAsync())
                {
                    await using var command = new NpgsqlCommand("SELECT 1", _connection) { CommandTimeout = (int)CheckEvery.TotalSeconds };
                    await command.ExecuteScalarAsync();
                }
            }
            catch (Exception exception)
            {
                // Whatever the reason, the lock can no longer be vouched for: the work stops rather than run twice.
                logger.LogWarning(exception, "The lease of job {Job} was lost: its connection no longer answers", job);
                await _stop!.CancelAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_connection is null)
            {
                return;
            }

            // Stops the checks: one under way is let finish (it is short, or bounded by its timeout) before the connection closes.
            _timer!.Dispose();
            await _watch;
            await _connection.DisposeAsync();
            _stop!.Dispose();
        }
    }
}
