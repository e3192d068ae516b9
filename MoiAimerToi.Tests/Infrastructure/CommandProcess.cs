using System.Diagnostics;

namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>A maintenance command run as the server's shell would run it: the built site, its own process, its standard input.</summary>
public static class CommandProcess
{
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(string dataDirectory, string standardInput, params string[] args) =>
        RunAsync(dataDirectory, new Dictionary<string, string?>(), standardInput, args);

    /// <summary>With settings of its own (<c>Section:Key</c>, passed as the environment's <c>Section__Key</c>).</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string dataDirectory, IReadOnlyDictionary<string, string?> settings, string standardInput, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "MoiAimerToi.Web.dll"), .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        foreach (var (key, value) in TestDatabase.SettingsFor(dataDirectory))
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The command did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await output, await errors);
    }
}
