using System.Diagnostics;

namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>
/// An S3 emulator, s3rver 3.7.1 (from npm, pinned in the root's package-lock.json, installed by <c>npm ci</c>), on a
/// port of 127.0.0.1 with one bucket, for as long as a test needs it. Its credentials are its own: S3RVER / S3RVER.
/// </summary>
public sealed class S3Server : IAsyncDisposable
{
    public const string Bucket = "backups";

    private static readonly string Program = Path.Combine(Repository.Root, "node_modules", ".bin", "s3rver");

    private readonly Process _process;
    private readonly string _folder;

    private S3Server(Process process, string folder, int port) => (_process, _folder, Port) = (process, folder, port);

    public int Port { get; }

    public static bool Installed => File.Exists(Program);

    /// <summary>The site's settings for this store.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["S3:Endpoint"] = $"http://127.0.0.1:{Port}",
        ["S3:Region"] = "us-east-1",
        ["S3:AccessKeyId"] = "S3RVER",
        ["S3:SecretAccessKey"] = "S3RVER",
    };

    public static async Task<S3Server> StartAsync()
    {
        if (!Installed)
        {
            throw new InvalidOperationException($"No s3rver at {Program}: run 'npm ci' at the repository's root (.ci/run does).");
        }

        var folder = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", "s3-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = ListeningProcess.FreePort();
        var start = new ProcessStartInfo("node", [Program, "-d", folder, "-a", "127.0.0.1", "-p", port.ToString(), "-s", "--configure-bucket", Bucket]);
        var server = new S3Server(await ListeningProcess.StartAsync(start, port, "s3rver"), folder, port);
        // The bucket is made just after the port opens.
        await Task.Delay(200);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await ListeningProcess.StopAsync(_process);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A test against the S3 emulator: skipped without it (run <c>npm ci</c>), except under <c>CI=true</c>, where it fails.</summary>
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (!S3Server.Installed && !Browser.BrowserApp.OnCi)
        {
            Skip = "No s3rver: run 'npm ci' at the repository's root to run the bucket tests.";
        }
    }
}
