using System.Diagnostics;
using Npgsql;

namespace MoiAimerToi.Web.Backups;

/// <summary>
/// PostgreSQL's own programs (<c>pg_dump</c>, <c>pg_restore</c>) where the machine has them: on the PATH, else the
/// newest under /usr/lib/postgresql. The connection goes in their environment, so the password is in no command line.
/// </summary>
public static class PostgresTools
{
    public static async Task RunAsync(string program, string connectionString, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var path = Find(program) ?? throw new InvalidOperationException(
            $"{program} is not on this machine: backups of a PostgreSQL database need PostgreSQL's client programs (Debian: postgresql-client).");
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(path, args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            // What the program says names the server and the database at most, never the password it was given.
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {(await errors).Trim()} {(await output).Trim()}".Trim());
        }
    }

    /// <summary>Where the program is: on the PATH, else the newest version's under /usr/lib/postgresql; null when nowhere.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(v => int.TryParse(Path.GetFileName(v), out var n) ? n : 0).Select(v => Path.Combine(v, "bin"))
                : [])
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
