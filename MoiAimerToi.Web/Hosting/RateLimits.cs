using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MoiAimerToi.Web.Hosting;

public static class RateLimits
{
    public const string Login = "login";
    public const string Uploads = "uploads";

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.LoginPerMinute >= 1, "RateLimits:LoginPerMinute must be at least 1.")
            .Validate(o => o.UploadsPerMinute >= 1, "RateLimits:UploadsPerMinute must be at least 1.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Login, context => PerAddressPerMinute(context, o => o.LoginPerMinute));
            options.AddPolicy(Uploads, context => PerAddressPerMinute(context, o => o.UploadsPerMinute));
        });
        return services;
    }

    /// <summary>Counts only writes: reading the login form or the gallery is never throttled.</summary>
    private static RateLimitPartition<string> PerAddressPerMinute(HttpContext context, Func<RateLimitOptions, int> limit)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("reads");
        }

        var permits = limit(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
