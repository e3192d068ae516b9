using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;

namespace MoiAimerToi.Web.Media;

/// <summary>How a run of ffmpeg ended.</summary>
/// <param name="ErrorTail">The end of what it wrote on its error output, for the log.</param>
public sealed record FfmpegRun(int ExitCode, bool TimedOut, string ErrorTail)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    public bool DiskFull => ErrorTail.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The system's <c>ffmpeg</c> and <c>ffprobe</c> (Debian's package <c>ffmpeg</c>), looked for once on <c>PATH</c>, or
/// in <see cref="MediaOptions.FfmpegFolder"/>. ffmpeg runs under <c>nice -n 10</c>, below the pages' priority, and is
/// killed (with anything it started) when its time is up or the site stops.
/// </summary>
public sealed class Ffmpeg(IOptions<MediaOptions> options, ILogger<Ffmpeg> logger)
{
    private readonly Lazy<(string? Ffmpeg, string? Ffprobe, string? Nice)> _programs = new(() =>
        (Find("ffmpeg", options.Value.FfmpegFolder), Find("ffprobe", options.Value.FfmpegFolder), Find("nice", null)));

    public bool IsAvailable => _programs.Value is { Ffmpeg: not null, Ffprobe: not null };

    /// <summary>What ffprobe reads of the file, or null when it reads no video in it.</summary>
    public async Task<VideoProbe?> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var (run, output) = await RunAsync(
            _programs.Value.Ffprobe!, ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path], TimeSpan.FromMinutes(1), lowPriority: false, cancellationToken);
        if (!run.Succeeded)
        {
            logger.LogInformation("ffprobe could not read an upload: {Error}", run.ErrorTail);
            return null;
        }

        try
        {
            return VideoProbe.Parse(output);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async Task<FfmpegRun> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        (await RunAsync(_programs.Value.Ffmpeg!, ["-nostdin", "-hide_banner", "-loglevel", "error", .. arguments], timeout, lowPriority: true, cancellationToken)).Run;

    private async Task<(FfmpegRun Run, string Output)> RunAsync(
        string program, IReadOnlyList<string> arguments, TimeSpan timeout, bool lowPriority, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (lowPriority && _programs.Value.Nice is { } nice)
        {
            // nice execs ffmpeg: every thread ffmpeg starts is below the pages' priority from its first instruction.
            start.FileName = nice;
            foreach (var argument in (string[])["-n", "10", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        if (lowPriority && _programs.Value.Nice is null)
        {
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = ReadTailAsync(process.StandardError);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return (new FfmpegRun(-1, TimedOut: true, await errors), "");
        }

        return (new FfmpegRun(process.ExitCode, TimedOut: false, await errors), await output);
    }

    /// <summary>The last few kilobytes of the error output: ffmpeg can write a lot, and only its end says why it stopped.</summary>
    private static async Task<string> ReadTailAsync(StreamReader reader)
    {
        var tail = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            tail.Append(buffer, 0, read);
            if (tail.Length > 8192)
            {
                tail.Remove(0, tail.Length - 4096);
            }
        }

        return tail.ToString().Trim();
    }

    private static string? Find(string program, string? folder)
    {
        var folders = folder is not null ? [folder] : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.Select(f => Path.Combine(f, program)).FirstOrDefault(File.Exists);
    }
}
