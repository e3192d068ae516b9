using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MoiAimerToi.Web.Caching;

/// <summary>
/// Where visitors' pages and API reads are kept. A write does not empty it: it starts a new generation,
/// and every answer rendered before it is stale. A stale page tagged <see cref="RefreshableTag"/> is still
/// served while <see cref="ContentRefresher"/> renders its replacement in the background, so that no
/// visitor waits for a page after the couple writes. It is dropped when the refresh ends without replacing
/// it (the page is gone, say), and never served when it was rendered more than <see cref="StaleLimit"/> ago
/// or cannot be refreshed: that visitor waits for a new one, as on a first visit. Other answers (the API's)
/// are never served stale. <see cref="Clear"/> drops everything at once.
/// </summary>
public sealed class ContentStore(ContentRefresher refresher, TimeProvider time, IOptions<OutputCacheOptions> options) : IOutputCacheStore, IDisposable
{
    /// <summary>How old a stale page may be and still be served while its replacement renders.</summary>
    public static readonly TimeSpan StaleLimit = TimeSpan.FromSeconds(10);

    /// <summary>Marks the answers that may be served stale while they are refreshed.</summary>
    public const string RefreshableTag = "refreshable";

    private const string GenerationTagPrefix = "generation:";

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimit });
    private long generation;

    /// <summary>
    /// Names the generation a request began in. Added to the tags of every cached request before its page is
    /// rendered, so that a page which read the database before a write is stored as stale, not as new.
    /// </summary>
    public string GenerationTag => GenerationTagPrefix + Interlocked.Read(ref generation).ToString(CultureInfo.InvariantCulture);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!entries.TryGetValue(key, out Page? page) || page is null)
        {
            return ValueTask.FromResult<byte[]?>(null);
        }

        var fresh = page.Generation == Interlocked.Read(ref generation);
        var servable = fresh || (page.Refreshable && time.GetUtcNow() - page.RenderedAt < StaleLimit && refresher.TryRefresh(key, DropIfStale));
        return ValueTask.FromResult(servable ? page.Content : null);
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var page = new Page(value, GenerationOf(tags), tags?.Contains(RefreshableTag) == true, time.GetUtcNow());
        entries.Set(key, page, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = validFor, Size = value.Length });
        return ValueTask.CompletedTask;
    }

    /// <summary>Every page carries <see cref="ContentCache.Tag"/>: evicting any tag makes them all stale.</summary>
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref generation);
        return ValueTask.CompletedTask;
    }

    /// <summary>Drops everything, for when serving the old site even for a moment would be wrong (an import).</summary>
    public void Clear()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }

    public void Dispose() => entries.Dispose();

    private void DropIfStale(string key)
    {
        try
        {
            if (entries.TryGetValue(key, out Page? page) && page?.Generation != Interlocked.Read(ref generation))
            {
                entries.Remove(key);
            }
        }
        catch (ObjectDisposedException)
        {
            // The site stopped while the refresh ran: the pages went with it.
        }
    }

    /// <summary>The generation named by the tags, or -1 (stale at once) when they name none.</summary>
    private static long GenerationOf(string[]? tags)
    {
        foreach (var tag in tags ?? [])
        {
            if (tag.StartsWith(GenerationTagPrefix, StringComparison.Ordinal)
                && long.TryParse(tag.AsSpan(GenerationTagPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return -1;
    }

    private sealed record Page(byte[] Content, long Generation, bool Refreshable, DateTimeOffset RenderedAt);
}
