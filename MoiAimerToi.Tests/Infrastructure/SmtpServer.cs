using System.Diagnostics;
using MimeKit;

namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>How the test's mail server behaves.</summary>
public enum SmtpBehaviour
{
    /// <summary>Takes every message and keeps it (aiosmtpd's Maildir handler).</summary>
    Accept,

    /// <summary>Answers every message « 451 try again later ».</summary>
    RefuseForNow,

    /// <summary>Answers every recipient « 550 no such mailbox ».</summary>
    RefuseAddress,

    /// <summary>Keeps the message, then never answers: the sender cannot know whether it went.</summary>
    KeepAndHang,
}

/// <summary>
/// A real SMTP server, Debian's <c>python3 -m aiosmtpd</c>, on a port of 127.0.0.1, for as long as the test needs it;
/// what it received is read back from its Maildir.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Faults = """
        import asyncio
        from aiosmtpd.handlers import Mailbox

        class RefuseForNow:
            async def handle_DATA(self, server, session, envelope):
                return '451 4.3.0 Mailbox busy, try again later'

        class RefuseAddress:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                return '550 5.1.1 No such mailbox here'

        class KeepAndHang(Mailbox):
            async def handle_DATA(self, server, session, envelope):
                await super().handle_DATA(server, session, envelope)
                await asyncio.sleep(3600)
                return '250 OK'
        """;

    private readonly Process _process;
    private readonly string _folder;

    private SmtpServer(Process process, string folder, int port) => (_process, _folder, Port) = (process, folder, port);

    public int Port { get; }

    /// <summary>The site's settings for this server.</summary>
    public Dictionary<string, string?> Settings(int timeoutSeconds = 10) => For(Port, timeoutSeconds);

    public static Dictionary<string, string?> For(int port, int timeoutSeconds = 10) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(),
        ["Smtp:Security"] = "none",
        ["Smtp:From"] = "Moi AIMER Toi <rappels@moi-aimer-toi.test>",
        ["Smtp:TimeoutSeconds"] = timeoutSeconds.ToString(),
    };

    public static async Task<SmtpServer> StartAsync(SmtpBehaviour behaviour = SmtpBehaviour.Accept, int? port = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", "smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "smtp_faults.py"), Faults);
        var listen = port ?? ListeningProcess.FreePort();
        var handler = behaviour switch
        {
            SmtpBehaviour.Accept => "aiosmtpd.handlers.Mailbox",
            _ => "smtp_faults." + behaviour,
        };
        var start = new ProcessStartInfo(Python(), ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{listen}", "-c", handler]);
        if (behaviour is SmtpBehaviour.Accept or SmtpBehaviour.KeepAndHang)
        {
            start.ArgumentList.Add(Path.Combine(folder, "mail"));
        }

        start.Environment["PYTHONPATH"] = folder;
        return new SmtpServer(await ListeningProcess.StartAsync(start, listen, "aiosmtpd"), folder, listen);
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        var arrived = Path.Combine(_folder, "mail", "new");
        return Directory.Exists(arrived)
            ? Directory.EnumerateFiles(arrived).Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f))).OrderBy(f => f.Time)
                .Select(f => MimeMessage.Load(f.File)).ToList()
            : [];
    }

    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, string because)
    {
        await Eventually.TrueAsync(() => Task.FromResult(Received().Count >= count), because);
        return Received();
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

    /// <summary>Whether the tests can start an SMTP server here.</summary>
    public static bool Installed => PythonWithAiosmtpd.Value is not null;

    private static string Python() => PythonWithAiosmtpd.Value
        ?? throw new InvalidOperationException("The reminder tests need an SMTP server: install Debian's python3-aiosmtpd (.ci/run does).");

    /// <summary>Debian's python3 has aiosmtpd (package python3-aiosmtpd, which .ci/run installs); another python3 on the PATH may not.</summary>
    private static readonly Lazy<string?> PythonWithAiosmtpd = new(() =>
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var check = Process.Start(new ProcessStartInfo(candidate, ["-c", "import aiosmtpd"]) { RedirectStandardError = true, UseShellExecute = false });
                check!.WaitForExit();
                if (check.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }

        return null;
    });
}

/// <summary>
/// A test that talks to a real SMTP server. Without Debian's python3-aiosmtpd it is skipped with the reason, except under
/// <c>CI=true</c>, where it runs and the missing server fails it.
/// </summary>
public sealed class SmtpFactAttribute : FactAttribute
{
    public SmtpFactAttribute()
    {
        if (!SmtpServer.Installed && !Browser.BrowserApp.OnCi)
        {
            Skip = "No aiosmtpd: install the Debian package 'python3-aiosmtpd' to run the reminder tests.";
        }
    }
}

/// <inheritdoc cref="SmtpFactAttribute"/>
public sealed class SmtpTheoryAttribute : TheoryAttribute
{
    public SmtpTheoryAttribute()
    {
        if (!SmtpServer.Installed && !Browser.BrowserApp.OnCi)
        {
            Skip = "No aiosmtpd: install the Debian package 'python3-aiosmtpd' to run the reminder tests.";
        }
    }
}
