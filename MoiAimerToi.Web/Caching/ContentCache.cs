using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Api;

namespace MoiAimerToi.Web.Caching;

/// <summary>
/// Visitors' pages and API reads are served from memory until anything in the database changes:
/// every write, however it is made, evicts them all. Requests that carry the sign-in cookie, an API
/// key or an Authorization header, and answers that set a cookie, are never cached. The cache runs
/// before authentication, so that a visitor's page costs no more than finding it: it tells a signed-in
/// request by its cookie, not by its user (<see cref="SignedInBypass"/>).
/// </summary>
public static class ContentCache
{
    public const string Policy = "Content";
    public const string CounterPolicy = "Counter";
    public const string Tag = "content";

    public static IServiceCollection AddContentCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.AddPolicy(Policy, policy => Configure(policy).Expire(TimeSpan.FromMinutes(10)));
            // The home page's counter is rendered to the second: a second-old copy is still right.
            options.AddPolicy(CounterPolicy, policy => Configure(policy).Expire(TimeSpan.FromSeconds(1)));
        });
        services.AddSingleton<EvictOnWrite>();
        return services;
    }

    private static OutputCachePolicyBuilder Configure(OutputCachePolicyBuilder policy) => policy
        .AddPolicy<SignedInBypass>()
        .Tag(Tag)
        // No queue per page: with it, every hit took a lock shared by all requests for that page, and under
        // load they spun on it (the home page served half the requests per second). A miss after a write
        // may now be rendered by a few visitors at once, which costs less.
        .SetLocking(false)
        .SetVaryByHeader("HX-Request", "Origin")
        .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name));

    /// <summary>Neither served from nor stored in the cache: requests by the couple, whether by cookie or by key.</summary>
    private sealed class SignedInBypass : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            if (request.Cookies.ContainsKey(AccountsServiceCollectionExtensions.SignInCookieName)
                || request.Headers.ContainsKey(ApiKeyHandler.HeaderName))
            {
                context.AllowCacheLookup = false;
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>Evicts after every SaveChanges and every bulk statement (ExecuteDelete, raw SQL).</summary>
    public sealed class EvictOnWrite(IOutputCacheStore cache) : SaveChangesInterceptor, IDbCommandInterceptor
    {
        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            await cache.EvictByTagAsync(Tag, CancellationToken.None);
            return result;
        }

        public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (result > 0)
            {
                await cache.EvictByTagAsync(Tag, CancellationToken.None);
            }

            return result;
        }
    }
}
