using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MoiAimerToi.Web.Data;

/// <summary>
/// Background work done by one instance of the site at a time (backups, videos, reminders, the sweep). On PostgreSQL,
/// where several instances may share the database, a job's lease is a session advisory lock on a connection of its
/// own, held while the work runs: released when the work ends, and by the server itself when the instance holding it
/// dies (its connection closes), so the next round of another instance takes the work over. On SQLite the database is
/// one site's own: the lease is always granted.
/// </summary>
public sealed class JobLeases(IOptions<DatabaseOptions> database, ILogger<JobLeases> logger)
{
    private static readonly IAsyncDisposable Granted = new NoLease();

    /// <summary>The lease, to dispose when the work is done; null while another instance holds it.</summary>
    public async Task<IAsyncDisposable?> TryTakeAsync(string job, CancellationToken cancellationToken)
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
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", KeyOf(job));
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
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
