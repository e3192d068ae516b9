using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Net;

namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>
/// The site as its own operating-system process (the built MoiAimerToi.Web.dll), so a test can
/// kill it as a crash would: no graceful shutdown, no flush.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int ErrorLinesKept = 40;

    private readonly Process _process;

    /// <summary>The last lines the site wrote to its standard error, told when it fails to start.</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(string dataDirectory, IDictionary<string, string>? environment = null)
    {
        var port = ListeningProcess.FreePort();
        var webDll = Path.Combine(AppContext.BaseDirectory, "MoiAimerToi.Web.dll");
        var start = new ProcessStartInfo("dotnet", [webDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
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

        start.Environment["RateLimits__LoginPerMinute"] = "1000";
        start.Environment["RateLimits__UploadsPerMinute"] = "100000";
        start.Environment["Site__Visibility"] = "public";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The site did not start.");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => server.KeepError(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync();
        return server;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A client of the API with the Development admin's token, as an old client signs in.</summary>
    public async Task<HttpClient> CreateApiClientAsync()
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "password" });
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // Its standard error read to the end.
                throw new InvalidOperationException($"The site exited with code {_process.ExitCode} before answering.{Errors}");
            }

            try
            {
                if ((await client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The site did not answer /api/health within 60 seconds.{Errors}");
    }

    private string Errors => _errors.IsEmpty ? "" : $" Its standard error ended with:{Environment.NewLine}{string.Join(Environment.NewLine, _errors)}";

    private void KeepError(string? line)
    {
        if (line is null)
        {
            return;
        }

        _errors.Enqueue(line);
        while (_errors.Count > ErrorLinesKept && _errors.TryDequeue(out _))
        {
        }
    }
}
