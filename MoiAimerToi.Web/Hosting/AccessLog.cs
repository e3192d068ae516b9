using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Logging.Console;

namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// One short line per request through the framework's HTTP logging: method, path without its query, status and
/// duration; never a body, a header, a cookie or a token, and a path that is itself a secret (a share link, an
/// invitation, a feed's address) shows only its first segment. Outside Development the console writes JSON, and
/// drops lines rather than slowing requests when it cannot keep up.
/// </summary>
public static class AccessLog
{
    private static readonly string[] SecretPaths = ["/s/", "/invite/", "/api/invites/", "/calendar/", "/widget/", "/reset/"];

    public static IServiceCollection AddAccessLog(this IServiceCollection services)
    {
        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        services.AddHttpLoggingInterceptor<SecretPathsHidden>();
        services.Configure<ConsoleLoggerOptions>(options => options.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite);
        return services;
    }

    public static ILoggingBuilder AddAppConsole(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            logging.AddJsonConsole(options =>
            {
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
        }

        return logging;
    }

    /// <summary>The path a log line may show.</summary>
    public static string Shown(PathString path) =>
        SecretPaths.FirstOrDefault(prefix => path.StartsWithSegments(prefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)) is { } secret
            ? secret + "…"
            : path.Value ?? "";

    private sealed class SecretPathsHidden : IHttpLoggingInterceptor
    {
        public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logging)
        {
            if (logging.TryDisable(HttpLoggingFields.RequestPath))
            {
                logging.AddParameter("Path", Shown(logging.HttpContext.Request.Path));
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logging) => ValueTask.CompletedTask;
    }
}
