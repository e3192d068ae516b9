using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Site;

/// <summary>
/// The site's visibility, read on every request from memory and written through the database. A new site starts as
/// <c>Site:Visibility</c> says, else Public in Development or when it already had content (a site from before
/// this setting, or the old version imported), else Private.
/// </summary>
public sealed class VisibilityService(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, TimeProvider time)
{
    public const string Setting = "Site:Visibility";

    private volatile SiteVisibility _current = SiteVisibility.Private;

    public SiteVisibility Current => _current;

    public bool IsPublic => Current == SiteVisibility.Public;

    /// <summary>At start, after the migrations: reads the row, making it the first time.</summary>
    public async Task LoadAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var settings = await db.SiteSettings.SingleOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = new SiteSettings { Visibility = await StartingVisibilityAsync(db, cancellationToken), UpdatedAt = time.GetUtcNow().UtcDateTime };
            db.SiteSettings.Add(settings);
            await db.SaveChangesAsync(cancellationToken);
        }

        _current = settings.Visibility;
    }

    /// <summary>
    /// Takes effect at once: saving the row empties the page cache, and from then on no cached page is served or
    /// stored while the site is Private (the page cache asks here).
    /// </summary>
    public async Task SetAsync(SiteVisibility visibility, string? userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var settings = await db.SiteSettings.SingleAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken);
        settings.Visibility = visibility;
        settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
        settings.UpdatedBy = userId;
        // Saved first, so that a failed save changes nothing; a page cached between the save's eviction and the switch
        // is never served while Private (lookups stop at the switch) and has expired long before the site is Public again.
        await db.SaveChangesAsync(cancellationToken);
        _current = visibility;
    }

    /// <summary><c>public</c> or <c>private</c>, in any case; null for anything else. (Not "TryParse": minimal APIs would bind the service from the query.)</summary>
    public static SiteVisibility? Read(string? value) =>
        Enum.TryParse<SiteVisibility>(value?.Trim(), ignoreCase: true, out var visibility) && Enum.IsDefined(visibility) && !int.TryParse(value, out _) ? visibility : null;

    private async Task<SiteVisibility> StartingVisibilityAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (configuration[Setting] is { } configured)
        {
            return Read(configured)
                ?? throw new InvalidOperationException($"{Setting} must be public or private, not \"{configured}\".");
        }

        if (environment.IsDevelopment() || await db.Users.AnyAsync(cancellationToken) || await db.Memories.AnyAsync(cancellationToken))
        {
            return SiteVisibility.Public;
        }

        return SiteVisibility.Private;
    }
}
