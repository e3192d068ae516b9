using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MoiAimerToi.Web.Caching;

/// <summary>
/// Visitors' pages and API reads are served from memory until anything in the database changes:
/// every write, however it is made, evicts them all. Signed-in requests, requests with an
/// Authorization header and answers that set a cookie are never cached (the default policy's rules).
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
        .Tag(Tag)
        .SetVaryByHeader("HX-Request", "Origin")
        .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name));

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
