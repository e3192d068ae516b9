using System.Diagnostics;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>
/// An S3 emulator, s3rver 3.7.1 (from npm, pinned in the root's package-lock.json, installed by <c>npm ci</c>), on a
/// port of 127.0.0.1 with one bucket, for as long as a test needs it. Its credentials are its own: S3RVER / S3RVER.
/// </summary>
public sealed class S3Server : IAsyncDisposable
{
    public const string Bucket = "backups";

    private static readonly string Program = Path.Combine(Repository.Root, "node_modules", ".bin", "s3rver");

    /// <summary>One emulator for the whole run, stopped with it, for the tests that only need buckets of their own (<see cref="NewBucketAsync"/>).</summary>
    private static readonly Lazy<Task<S3Server>> SharedServer = new(async () =>
    {
        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    });

    /// <summary>
    /// Runs its arguments, and kills them once its standard input is closed; exits when they do. (A job put in the
    /// background reads /dev/null unless told otherwise: the watcher reads the shell's own input, kept as descriptor 3.)
    /// </summary>
    private const string StopsWithTheTests = "exec 3<&0; \"$0\" \"$@\" & child=$!; (cat <&3 > /dev/null; kill $child 2> /dev/null) & wait $child";

    private readonly Process _process;
    private readonly string _folder;
    private bool _stopped;

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

    public static Task<S3Server> SharedAsync() => SharedServer.Value;

    /// <summary>The site's settings for a new, empty bucket of this store, as <c>Storage:Files=s3</c> wants them.</summary>
    public async Task<Dictionary<string, string?>> NewBucketAsync()
    {
        var bucket = "t" + Guid.NewGuid().ToString("N");
        var settings = Settings();
        using var client = S3Clients.Create(Options(settings));
        await client.PutBucketAsync(bucket);
        settings["S3:Bucket"] = bucket;
        settings["Storage:Files"] = StorageOptions.InBucket;
        return settings;
    }

    /// <summary>The options those settings make.</summary>
    public static S3Options Options(IReadOnlyDictionary<string, string?> settings) => new()
    {
        Endpoint = settings["S3:Endpoint"],
        Region = settings["S3:Region"]!,
        AccessKeyId = settings["S3:AccessKeyId"],
        SecretAccessKey = settings["S3:SecretAccessKey"],
        Bucket = settings.GetValueOrDefault("S3:Bucket"),
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
        // Through a shell that stops it when its standard input closes, that is when the test process ends, however it
        // ends: the shared one's ProcessExit handler does not always get to run (the test host may be killed first).
        var start = new ProcessStartInfo("bash", ["-c", StopsWithTheTests, "node", Program, "-d", folder, "-a", "127.0.0.1", "-p", port.ToString(), "-s", "--configure-bucket", Bucket])
        {
            RedirectStandardInput = true,
        };
        var server = new S3Server(await ListeningProcess.StartAsync(start, port, "s3rver"), folder, port);
        // The bucket is made just after the port opens.
        await Task.Delay(200);
        return server;
    }

    /// <summary>Stops it (a test may, to see the site without its store); once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
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

/// <summary>A theory against the S3 emulator: skipped without it (run <c>npm ci</c>), except under <c>CI=true</c>, where it fails.</summary>
public sealed class S3TheoryAttribute : TheoryAttribute
{
    public S3TheoryAttribute()
    {
        if (!S3Server.Installed && !Browser.BrowserApp.OnCi)
        {
            Skip = "No s3rver: run 'npm ci' at the repository's root to run the bucket tests.";
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
