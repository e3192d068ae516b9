using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Tests.Photos;

namespace MoiAimerToi.Tests.Hosting;

/// <summary>A visitor's page came from the cache when it carries an <c>Age</c> header, which only the cache adds.</summary>
public class PageCacheTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task After_The_Couple_Writes_The_Very_Next_Visitor_Gets_The_New_Page()
    {
        var visitor = factory.CreateBrowser();
        var first = await visitor.GetAsync("/story");
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.Null((await Html.ParseAsync(first)).QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.NotNull((await visitor.GetAsync("/story")).Headers.Age);

        await factory.InScopeAsync(sp => sp.GetRequiredService<CoupleService>().SetIntroTextAsync("Écrit à l’instant.", null));

        var couple = await factory.SignedInBrowserAsync();
        var coupleView = await couple.GetPageAsync("/story");
        Assert.Equal("Écrit à l’instant.", coupleView.Text("#intro .prose"));
        Assert.NotNull(coupleView.QuerySelector("#intro .edit-button"));
        var next = await visitor.GetAsync("/story");
        Assert.Null(next.Headers.Age);
        Assert.Equal("Écrit à l’instant.", (await Html.ParseAsync(next)).Text("#intro .prose"));
        var english = factory.CreateBrowser();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Equal("Our story", (await english.GetPageAsync("/story")).Text("h1"));
    }

    [Fact]
    public async Task A_Page_Rendered_For_The_Couple_Is_Never_Served_To_A_Visitor()
    {
        var couple = await factory.SignedInBrowserAsync();
        Assert.NotNull((await couple.GetPageAsync("/future")).QuerySelector(".edit-button"));

        var visitor = factory.CreateBrowser();
        var page = await visitor.GetPageAsync("/future");

        Assert.Null(page.QuerySelector(".edit-button"));
        Assert.NotNull((await couple.GetPageAsync("/future")).QuerySelector(".edit-button"));
    }

    [Fact]
    public async Task A_Failed_Sign_In_Leaves_The_Visitors_Pages_In_The_Cache()
    {
        var visitor = factory.CreateBrowser();
        await visitor.GetAsync("/memories");
        Assert.NotNull((await visitor.GetAsync("/memories")).Headers.Age);

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().SignInAsync(password: "not-the-password")).StatusCode);

        Assert.NotNull((await visitor.GetAsync("/memories")).Headers.Age);
    }

    [Fact]
    public async Task A_Deleted_Memory_And_Its_Photo_Are_Gone_From_The_Next_Visitors_Gallery()
    {
        var couple = await factory.SignedInBrowserAsync();
        var page = await couple.GetPageAsync("/memories");
        await couple.SubmitWithFileAsync(page.Form("#memory-new form"), "Input.Photo", TestImages.Jpeg(640, 480), "plage.jpg",
            new Dictionary<string, string> { ["Input.Title"] = "Éphémère" });
        var memory = await factory.InScopeAsync(async sp => (await sp.GetRequiredService<MemoryService>().ListAsync()).Single(m => m.Title == "Éphémère"));
        var visitor = factory.CreateBrowser();
        var thumbnail = PhotoUrls.Thumbnail(memory)!;
        Assert.Contains(thumbnail, (await visitor.GetPageAsync("/memories")).Body!.InnerHtml);

        await factory.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().DeleteAsync(memory.Id));

        var gallery = await visitor.GetAsync("/memories");
        Assert.Null(gallery.Headers.Age);
        Assert.DoesNotContain(thumbnail, await gallery.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/memories/{memory.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_Page_Is_Rendered_Again_At_The_Turn_Of_The_Couples_Day()
    {
        // 23:59:57 in Paris, three seconds before the counter's day turns.
        factory.Clock.Set(new DateTimeOffset(2026, 12, 1, 22, 59, 57, TimeSpan.Zero));
        var visitor = factory.CreateBrowser();
        var before = (await visitor.GetPageAsync("/")).Text(".counter-total");
        Assert.NotNull((await visitor.GetAsync("/")).Headers.Age);

        factory.Clock.Set(new DateTimeOffset(2026, 12, 1, 23, 0, 1, TimeSpan.Zero));

        await Eventually.TrueAsync(async () => (await visitor.GetAsync("/")).Headers.Age is null, "the cached home page has expired");
        Assert.NotEqual(before, (await visitor.GetPageAsync("/")).Text(".counter-total"));
    }

    [Fact]
    public async Task Far_From_Midnight_A_Page_Stays_Cached_For_Its_Lifetime()
    {
        factory.Clock.Set(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero));
        var visitor = factory.CreateBrowser();
        await visitor.GetAsync("/future");

        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.NotNull((await visitor.GetAsync("/future")).Headers.Age);
    }
}

/// <summary>
/// The one race a write's eviction cannot close: a render that read the database before the write, stored
/// after the eviction. The cache keeps such a page no longer than <see cref="PageCache.Lifetime"/>.
/// </summary>
public class PageCacheRaceTests(PageCacheRaceTests.GatedStoreFactory factory) : IClassFixture<PageCacheRaceTests.GatedStoreFactory>
{
    [Fact]
    public async Task A_Page_Rendered_Before_A_Write_And_Stored_After_It_Is_Replaced_Within_The_Lifetime()
    {
        var visitor = factory.CreateBrowser();
        factory.Store.HoldNextStore();
        var rendering = visitor.GetAsync("/story");
        await factory.Store.StoreHeld.WaitAsync(TimeSpan.FromSeconds(30));

        await factory.InScopeAsync(sp => sp.GetRequiredService<CoupleService>().SetIntroTextAsync("Après l’écriture.", null));
        factory.Store.Release();
        Assert.NotEqual("Après l’écriture.", (await Html.ParseAsync(await rendering)).Text("#intro .prose"));

        Assert.InRange(factory.Store.LastLifetime, TimeSpan.Zero, PageCache.Lifetime);
        var stale = await visitor.GetAsync("/story");
        Assert.NotNull(stale.Headers.Age);
        var deadline = DateTime.UtcNow + PageCache.Lifetime + TimeSpan.FromSeconds(5);
        while ((await visitor.GetPageAsync("/story")).Text("#intro .prose") != "Après l’écriture.")
        {
            Assert.True(DateTime.UtcNow < deadline, "the page rendered before the write outlived the cache's lifetime");
            await Task.Delay(200);
        }
    }

    public sealed class GatedStoreFactory : AppFactory
    {
        public GatedStore Store { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                var framework = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
                services.AddSingleton<IOutputCacheStore>(provider => Store.Around((IOutputCacheStore)framework.ImplementationFactory!(provider)));
            });
        }
    }

    /// <summary>The framework's store, with the next store held until the test lets it go.</summary>
    public sealed class GatedStore : IOutputCacheStore
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private IOutputCacheStore _inner = null!;
        private bool _hold;

        public SemaphoreSlim StoreHeld { get; } = new(0);

        public TimeSpan LastLifetime { get; private set; }

        public IOutputCacheStore Around(IOutputCacheStore inner)
        {
            _inner = inner;
            return this;
        }

        public void HoldNextStore() => _hold = true;

        public void Release() => _released.TrySetResult();

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => _inner.EvictByTagAsync(tag, cancellationToken);

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => _inner.GetAsync(key, cancellationToken);

        public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            if (_hold)
            {
                _hold = false;
                StoreHeld.Release();
                await _released.Task;
            }

            LastLifetime = validFor;
            await _inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
    }
}
