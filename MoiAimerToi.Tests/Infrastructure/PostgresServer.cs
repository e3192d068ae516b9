using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using MoiAimerToi.Web.Backups;
using Npgsql;

namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server from the binaries on this machine (Debian's <c>postgresql</c>: <c>initdb</c>, <c>pg_ctl</c>),
/// in a temporary folder, on a free port of 127.0.0.1, with <c>fsync=off</c>. PostgreSQL refuses to run as root, so
/// as root it runs as the <c>postgres</c> user (<c>runuser</c>). One server serves the whole test run
/// (<see cref="Shared"/>), one database per site; a test that restarts its server starts one of its own.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<PostgresServer> SharedServer = new(() =>
    {
        var server = StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    });

    private static readonly bool AsRoot = Environment.UserName == "root";

    private readonly string _folder;
    private readonly HashSet<string> _databases = [];

    private PostgresServer(string folder, int port, string password) => (_folder, Port, Password) = (folder, port, password);

    /// <summary>Found as the site finds <c>pg_dump</c>: on the PATH, else the newest version's under /usr/lib/postgresql.</summary>
    public static bool Installed => PostgresTools.Find("initdb") is not null && PostgresTools.Find("pg_ctl") is not null;

    public static PostgresServer Shared => SharedServer.Value;

    public int Port { get; }

    /// <summary>The superuser's password: a connection string carries it, and the tests look for it where it must not be.</summary>
    public string Password { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    public static async Task<PostgresServer> StartAsync()
    {
        if (!Installed)
        {
            throw new InvalidOperationException("No PostgreSQL: install the Debian package 'postgresql' (initdb, pg_ctl) to run the tests on PostgreSQL.");
        }

        var folder = Path.Combine(Path.GetTempPath(), "moiaimertoi-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var password = "pg-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var passwordFile = Path.Combine(folder, "password");
        await File.WriteAllTextAsync(passwordFile, password);
        if (AsRoot)
        {
            await RunAsync("chown", "-R", "postgres:postgres", folder);
        }

        var server = new PostgresServer(folder, ListeningProcess.FreePort(), password);
        await server.PgAsync("initdb", "-D", server.DataFolder, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={passwordFile}",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        File.Delete(passwordFile);
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Npgsql's connection string for one database of this server.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Password = Password,
        Database = database,
        // Many sites share the server while the tests run: each keeps few connections.
        MaxPoolSize = 20,
        ConnectionIdleLifetime = 10,
    }.ConnectionString;

    /// <summary>A database of its own for the site whose data directory this is, made the first time it is asked for.</summary>
    public string DatabaseFor(string dataDirectory)
    {
        var name = NameFor(dataDirectory);
        lock (_databases)
        {
            if (_databases.Add(name))
            {
                Execute($"CREATE DATABASE {name}");
            }
        }

        return ConnectionString(name);
    }

    /// <summary>The site's database goes when its test is done, its connections with it.</summary>
    public void Drop(string dataDirectory)
    {
        var name = NameFor(dataDirectory);
        lock (_databases)
        {
            if (!_databases.Remove(name))
            {
                return;
            }
        }

        using (var connection = new NpgsqlConnection(ConnectionString(name)))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static string NameFor(string dataDirectory) =>
        "site_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..20].ToLowerInvariant();

    /// <summary>Stops the server at once (as a crash would, for PostgreSQL's part) and starts it again on the same port.</summary>
    public async Task RestartAsync()
    {
        await PgAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        await StartServerAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task StartServerAsync() => PgAsync("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_folder} -c fsync=off -c full_page_writes=off -c max_connections=400",
        "start");

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private Task PgAsync(string program, params string[] args)
    {
        var path = PostgresTools.Find(program)!;
        return AsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args.Take(1))} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
