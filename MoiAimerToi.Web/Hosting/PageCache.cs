using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Api;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// Visitors' pages and API reads in the framework's output cache, once per language and encoding, while the site is
/// Public. Requests with the sign-in cookie or the API key are neither served nor stored (nor Authorization, Set-Cookie,
/// all but a 200: the default policy): a page rendered for the couple never reaches a visitor. Every entry goes once a
/// change to something marked <see cref="ShownOnPagesAttribute"/> is committed (not Identity's writes, a failed
/// sign-in). A render that read the database just before a write may be stored after its eviction: an entry lives
/// <see cref="Lifetime"/> at most.
/// </summary>
public static class PageCache
{
    public const string Policy = "Visitors";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private const string Tag = "shown-on-pages";

    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .With(context => !context.HttpContext.Request.Cookies.ContainsKey(AccountsServiceCollectionExtensions.SignInCookieName)
                && !context.HttpContext.Request.Headers.ContainsKey(ApiKeyHandler.HeaderName)
                && context.HttpContext.RequestServices.GetRequiredService<VisibilityService>().IsPublic)
            .AddPolicy<UntilTheDayTurns>()
            .Tag(Tag)
            .SetLocking(false) // No queue per page: under load, requests for one page spun on its lock.
            .SetVaryByHeader("HX-Request", "Origin")
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            // A page kept just before midnight is not the next day's (« Ce jour-là », the counter), whatever the cache's clock.
            .VaryByValue(context => new KeyValuePair<string, string>("day", context.RequestServices.GetRequiredService<CoupleClock>().Today.ToString("O", CultureInfo.InvariantCulture)))
            .VaryByValue(context => new KeyValuePair<string, string>("encoding", Compression.EncodingFor(context.Request)))));
        services.AddScoped<EvictOnCommit>();
        services.AddSingleton<PageEvictions>();
        services.AddHostedService(provider => provider.GetRequiredService<PageEvictions>());
        return services;
    }

    /// <summary>Every cached page goes: the next visitor of each gets it made anew.</summary>
    public static ValueTask EvictAsync(IOutputCacheStore cache) => cache.EvictByTagAsync(Tag, CancellationToken.None);

    private sealed class UntilTheDayTurns(CoupleClock clock) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken _)
        {
            var untilTomorrow = TimeTogether.StartOfDay(clock.Today.AddDays(1), clock.TimeZone) - clock.Now;
            context.ResponseExpirationTimeSpan = untilTomorrow < Lifetime ? untilTomorrow : Lifetime;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken _) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken _) => ValueTask.CompletedTask;
    }

    /// <summary>One per database context: evicts after SaveChanges or, in a transaction, once it commits (the site saves asynchronously).</summary>
    public sealed class EvictOnCommit(IOutputCacheStore cache, PageEvictions otherInstances) : SaveChangesInterceptor, IDbTransactionInterceptor
    {
        private bool _pending;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData data, InterceptionResult<int> result, CancellationToken _ = default)
        {
            _pending |= data.Context!.ChangeTracker.Entries().Any(IsShownOnPages);
            return ValueTask.FromResult(result);
        }

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData data, int result, CancellationToken _ = default)
        {
            if (data.Context!.Database.CurrentTransaction is null)
            {
                await EvictAsync();
            }

            return result;
        }

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData data, CancellationToken _ = default) => EvictAsync();

        private async Task EvictAsync()
        {
            if (_pending)
            {
                _pending = false;
                await PageCache.EvictAsync(cache);
                await otherInstances.AnnounceAsync();
            }
        }

        /// <summary>A marked entity (any change), or a marked property added, deleted or given a new value (not Identity's re-saves).</summary>
        private static bool IsShownOnPages(EntityEntry entry) =>
            entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified
            && (Marked(entry.Metadata.ClrType) || entry.Properties.Any(p => Marked(p.Metadata.PropertyInfo)
                && (entry.State != EntityState.Modified || p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))));

        private static bool Marked(MemberInfo? member) => member?.IsDefined(typeof(ShownOnPagesAttribute), inherit: false) == true;
    }
}
