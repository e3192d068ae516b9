using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Api;

namespace MoiAimerToi.Web.Caching;

/// <summary>
/// Visitors' pages and API reads are served from memory until anything in the database changes:
/// every write, however it is made, makes them all stale, and <see cref="ContentStore"/> says what is
/// served until they are rendered again. Requests that carry the sign-in cookie, an API key or an
/// Authorization header, and answers that set a cookie, are never cached. The cache runs before
/// authentication, so that a visitor's page costs no more than finding it: it tells a signed-in request
/// by its cookie, not by its user (<see cref="SignedInBypass"/>).
/// </summary>
public static class ContentCache
{
    /// <summary>Pages: after a write, served as they were while the new one renders (<see cref="ContentStore"/>).</summary>
    public const string PagePolicy = "Pages";
    /// <summary>The home page, whose counter is rendered to the second: a second-old copy is still right.</summary>
    public const string CounterPolicy = "Counter";
    /// <summary>API reads: never served stale, since a client reads back what it has just written.</summary>
    public const string ApiPolicy = "Api";
    public const string Tag = "content";

    public static IServiceCollection AddContentCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.AddPolicy(PagePolicy, policy => Configure(policy).Tag(ContentStore.RefreshableTag).Expire(TimeSpan.FromMinutes(10)));
            options.AddPolicy(CounterPolicy, policy => Configure(policy).Tag(ContentStore.RefreshableTag).Expire(TimeSpan.FromSeconds(1)));
            options.AddPolicy(ApiPolicy, policy => Configure(policy).Expire(TimeSpan.FromMinutes(10)));
        });
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ContentRefresher>();
        services.AddSingleton<ContentStore>();
        services.AddSingleton<IOutputCacheStore>(provider => provider.GetRequiredService<ContentStore>());
        services.AddSingleton<EvictOnWrite>();
        return services;
    }

    /// <summary>Lets <see cref="ContentRefresher"/> send its requests through the whole pipeline: call it first.</summary>
    public static IApplicationBuilder UseContentRefresh(this IApplicationBuilder app)
    {
        var refresher = app.ApplicationServices.GetRequiredService<ContentRefresher>();
        return app.Use(next =>
        {
            refresher.Attach(next);
            return next;
        });
    }

    private static OutputCachePolicyBuilder Configure(OutputCachePolicyBuilder policy) => policy
        .AddPolicy<SignedInBypass>()
        .AddPolicy<Generations>()
        .Tag(Tag)
        // No queue per page: with it, every hit took a lock shared by all requests for that page, and under
        // load they spun on it (the home page served half the requests per second). After a write, a page is
        // rendered again once, in the background; an API read may be rendered by a few visitors at once.
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

    /// <summary>
    /// Stamps each request with the generation it began in (see <see cref="ContentStore.GenerationTag"/>), and
    /// makes a refresh render its page rather than be served the stale one it is replacing.
    /// </summary>
    private sealed class Generations(ContentStore store) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.Tags.Add(store.GenerationTag);

            if (ContentRefresher.IsRefresh(context.HttpContext))
            {
                context.AllowCacheLookup = false;
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>Makes the cache stale after every SaveChanges and every bulk statement (ExecuteDelete, raw SQL).</summary>
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
