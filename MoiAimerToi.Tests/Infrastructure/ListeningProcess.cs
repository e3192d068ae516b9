using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>A test's helper server (aiosmtpd, s3rver) as its own process, started and waited for until its port answers.</summary>
public static class ListeningProcess
{
    public static async Task<Process> StartAsync(ProcessStartInfo start, int port, string name)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        for (var tries = 0; tries < 300; tries++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited ({process.ExitCode}): {errors}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return process;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{name} did not listen on {port} within 15 s: {errors}");
    }

    /// <summary>A port of 127.0.0.1 free right now, for a server the test is about to start.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
