using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Backups;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: the database answers, the data folder takes a file, the
/// file store answers (a bucket, when <c>Storage:Files=s3</c>), and the newest backup is younger than twice the interval (else Degraded). Healthy and Degraded answer 200,
/// Unhealthy 503, with a JSON body that names each check and never a path's secret or a setting's value.
/// </summary>
public static class Health
{
    public static IServiceCollection AddAppHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<DataFolderWritable>("data folder")
            .AddCheck<FileStoreAnswers>("files", timeout: TimeSpan.FromSeconds(15))
            .AddCheck<BackupRecent>("backups");
        return services;
    }

    public static IEndpointRouteBuilder MapAppHealth(this IEndpointRouteBuilder endpoints)
    {
        // Open on a Private site too: the platform's checks hold no account.
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new Dictionary<string, string?>
            {
                ["status"] = e.Value.Status.ToString(),
                ["description"] = e.Value.Description,
            }),
        }));
    }

    /// <summary>A file can be written, read back and deleted in the data folder.</summary>
    private sealed class DataFolderWritable(DataPaths paths) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var probe = Path.Combine(paths.Root, $".health-{Guid.NewGuid():N}");
            try
            {
                await File.WriteAllTextAsync(probe, "ok", cancellationToken);
                return await File.ReadAllTextAsync(probe, cancellationToken) == "ok"
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy("The data folder did not give back what was written.");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return HealthCheckResult.Unhealthy("The data folder cannot be written to.");
            }
            finally
            {
                File.Delete(probe);
            }
        }
    }

    /// <summary>The store of photos and videos answers: always, for the data folder (checked above); a list of one key, for a bucket.</summary>
    private sealed class FileStoreAnswers(IFileStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await store.ProblemAsync(cancellationToken) is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy();
    }

    /// <summary>Degraded once the newest backup is older than two intervals; a new site has two intervals to make its first.</summary>
    private sealed class BackupRecent(BackupService backups, IOptions<BackupOptions> options, TimeProvider time) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var allowed = options.Value.Interval * 2;
            var newest = backups.List().FirstOrDefault()?.CreatedAt ?? backups.Started;
            var age = time.GetUtcNow() - newest;
            return Task.FromResult(age <= allowed
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture,
                    $"The newest backup was made {age.TotalHours:0} h ago, more than twice Backup:IntervalHours ({options.Value.IntervalHours:0.##} h).")));
        }
    }
}
