using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Caching;

namespace MoiAimerToi.Tests.Caching;

public class ContentStoreTests : IDisposable
{
    private static readonly byte[] OldPage = "old"u8.ToArray();
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    private readonly ServiceProvider services;
    private readonly IHttpContextAccessor visitor;
    private readonly ContentRefresher refresher;
    private readonly TestClock clock = new();
    private readonly ContentStore store;
    private readonly List<HttpContext> refreshes = [];
    private readonly TaskCompletionSource refreshMayEnd = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim refreshStarted = new(0);

    public ContentStoreTests()
    {
        services = new ServiceCollection().AddHttpContextAccessor().AddOptions().BuildServiceProvider();
        visitor = services.GetRequiredService<IHttpContextAccessor>();
        refresher = new ContentRefresher(visitor, new DefaultHttpContextFactory(services), new StoppedNever(), NullLogger<ContentRefresher>.Instance);
        refresher.Attach(async context =>
        {
            lock (refreshes)
            {
                refreshes.Add(context);
            }

            refreshStarted.Release();
            await refreshMayEnd.Task;
        });
        store = new ContentStore(refresher, clock, Options.Create(new OutputCacheOptions()));
    }

    [Fact]
    public async Task A_Page_Of_The_Current_Generation_Is_Served_And_Needs_No_Refresh()
    {
        await store.SetAsync("page", OldPage, [ContentStore.RefreshableTag, store.GenerationTag], TenMinutes, default);

        Assert.Equal(OldPage, await store.GetAsync("page", default));
        Assert.Empty(refreshes);
    }

    [Fact]
    public async Task After_A_Write_The_Old_Page_Is_Served_While_One_Refresh_Renders_The_Visitors_Request_Again()
    {
        await StalePageAsync(store, "page");
        visitor.HttpContext = Visitor("/memories", "?page=2", "en");

        Assert.Equal(OldPage, await store.GetAsync("page", default));
        Assert.True(await refreshStarted.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(OldPage, await store.GetAsync("page", default));

        var refresh = Assert.Single(refreshes);
        Assert.True(ContentRefresher.IsRefresh(refresh));
        Assert.Equal("/memories", refresh.Request.Path);
        Assert.Equal("?page=2", refresh.Request.QueryString.Value);
        Assert.Equal("en", refresh.Request.Headers.AcceptLanguage);
        Assert.Equal("example.org", refresh.Request.Host.Value);
        Assert.False(ContentRefresher.IsRefresh(visitor.HttpContext!));
        refreshMayEnd.SetResult();
    }

    [Fact]
    public async Task A_Refresh_That_Stores_Nothing_Drops_The_Stale_Page()
    {
        await StalePageAsync(store, "page");
        visitor.HttpContext = Visitor("/memories/7", "", "fr"); // deleted meanwhile: its refresh answers 404, which is not stored
        refreshMayEnd.SetResult();

        Assert.Equal(OldPage, await store.GetAsync("page", default));

        await Eventually.TrueAsync(async () => await store.GetAsync("page", default) is null, "the stale page is dropped");
        Assert.Single(refreshes);
    }

    [Fact]
    public async Task An_Api_Read_Is_Never_Served_Stale()
    {
        await store.SetAsync("api", OldPage, [ContentCache.Tag, store.GenerationTag], TenMinutes, default);
        visitor.HttpContext = Visitor("/api/memories", "", "fr");
        Assert.Equal(OldPage, await store.GetAsync("api", default));

        await store.EvictByTagAsync(ContentCache.Tag, default);

        Assert.Null(await store.GetAsync("api", default));
        Assert.Empty(refreshes);
    }

    [Fact]
    public async Task Clearing_Drops_Every_Page_At_Once()
    {
        await store.SetAsync("page", OldPage, [ContentStore.RefreshableTag, store.GenerationTag], TenMinutes, default);
        visitor.HttpContext = Visitor("/", "", "fr");

        store.Clear();

        Assert.Null(await store.GetAsync("page", default));
        Assert.Empty(refreshes);
    }

    [Fact]
    public async Task A_Refresh_Ending_After_The_Site_Stopped_Leaves_The_Refreshes_Running()
    {
        await StalePageAsync(store, "page");
        visitor.HttpContext = Visitor("/memories", "", "fr");
        Assert.Equal(OldPage, await store.GetAsync("page", default));
        Assert.True(await refreshStarted.WaitAsync(TimeSpan.FromSeconds(10)));

        store.Dispose(); // the refresh now settles against a disposed store
        refreshMayEnd.SetResult();

        using var next = new ContentStore(refresher, clock, Options.Create(new OutputCacheOptions()));
        await StalePageAsync(next, "other page");
        visitor.HttpContext = Visitor("/story", "", "fr");
        Assert.Equal(OldPage, await next.GetAsync("other page", default));
        Assert.True(await refreshStarted.WaitAsync(TimeSpan.FromSeconds(10)), "the refresh thread is still there");
    }

    [Fact]
    public async Task A_Page_Whose_Render_Began_Before_A_Write_Is_Stored_Stale()
    {
        var generation = store.GenerationTag;
        await store.EvictByTagAsync(ContentCache.Tag, default);
        await store.SetAsync("page", OldPage, [ContentCache.Tag, ContentStore.RefreshableTag, generation], TenMinutes, default);

        Assert.Null(await store.GetAsync("page", default)); // no visitor's request to render it again with
        visitor.HttpContext = Visitor("/story", "", "fr");
        Assert.Equal(OldPage, await store.GetAsync("page", default));
        Assert.True(await refreshStarted.WaitAsync(TimeSpan.FromSeconds(10)));
        refreshMayEnd.SetResult();
    }

    [Fact]
    public async Task A_Stale_Page_Older_Than_The_Limit_Is_Not_Served()
    {
        var rendered = new DateTimeOffset(2026, 2, 14, 12, 0, 0, TimeSpan.Zero);
        clock.Set(rendered);
        await StalePageAsync(store, "page");
        visitor.HttpContext = Visitor("/", "", "fr");

        clock.Set(rendered + ContentStore.StaleLimit);

        Assert.Null(await store.GetAsync("page", default));
        Assert.Empty(refreshes);
    }

    [Fact]
    public async Task A_Page_Past_Its_Time_Is_Gone()
    {
        await store.SetAsync("page", OldPage, [ContentStore.RefreshableTag, store.GenerationTag], TimeSpan.FromMilliseconds(1), default);

        await Eventually.TrueAsync(async () => await store.GetAsync("page", default) is null, "the page expires");
    }

    public void Dispose()
    {
        refreshMayEnd.TrySetResult();
        store.Dispose();
        refresher.Dispose();
        services.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A page stored, then made stale by a write. (The visitor asking for it is set by the caller:
    /// an async method's changes to the current request do not flow back out of it.)</summary>
    private static async Task StalePageAsync(ContentStore pages, string key)
    {
        await pages.SetAsync(key, OldPage, [ContentStore.RefreshableTag, pages.GenerationTag], TenMinutes, default);
        await pages.EvictByTagAsync(ContentCache.Tag, default);
    }

    private static DefaultHttpContext Visitor(string path, string query, string language)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("example.org");
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Request.Headers.AcceptLanguage = language;
        return context;
    }

    private sealed class StoppedNever : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
