using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Api;

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
            .Validate(o => o.AccountUploadsPerMinute >= 1, "RateLimits:AccountUploadsPerMinute must be at least 1.")
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
            options.AddPolicy(Uploads, context => AppClaims.IsMember(context.User)
                ? PerMinute(context, "account:" + AccountOf(context.User), o => o.AccountUploadsPerMinute)
                : PerAddressPerMinute(context, o => o.UploadsPerMinute));
        });
        return services;
    }

    /// <summary>
    /// After authentication, so that uploads of an account (its sign-in cookie, or its API token or the key, read
    /// here for the limit alone: the API's policies authenticate again) count per account, and a stranger's per address.
    /// Only an API upload is authenticated twice; every other request goes straight on.
    /// </summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsApiUpload(context) && !AppClaims.IsMember(context.User))
            {
                context.User = await ApiAuthentication.PrincipalAsync(context);
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static bool IsApiUpload(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") && !IsRead(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Uploads;

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    /// <summary>The account's id, from its cookie or its token; the API key is an account of its own.</summary>
    private static string AccountOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? ApiTokens.UserId(user) ?? "api-key";

    private static RateLimitPartition<string> PerAddressPerMinute(HttpContext context, Func<RateLimitOptions, int> limit) =>
        PerMinute(context, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", limit);

    /// <summary>Counts only writes: reading the login form or the gallery is never throttled.</summary>
    private static RateLimitPartition<string> PerMinute(HttpContext context, string partition, Func<RateLimitOptions, int> limit)
    {
        if (IsRead(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("reads");
        }

        var permits = limit(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
