using Microsoft.Playwright;
using MoiAimerToi.Tests.Media;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Memories;
using SixLabors.ImageSharp;

namespace MoiAimerToi.Tests.Browser;

/// <summary>A day at the beach as the couple lives it: ten photos at once from a phone, reordered, swiped, zoomed, and a video.</summary>
public class AlbumTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly Color[] Colours = [Color.Coral, Color.SkyBlue, Color.Gold, Color.SeaGreen, Color.Orchid, Color.Tomato, Color.Teal, Color.Khaki, Color.SlateBlue, Color.Salmon];

    [BrowserTheory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Ten_Photos_At_Once_Then_Reordered_Swiped_Zoomed_And_A_Video_That_Plays(string viewport)
    {
        var memory = await app.InScopeAsync(async sp => (await sp.GetRequiredService<MemoryService>()
            .CreateAsync(new MemoryInput($"Biarritz ({viewport})", "Trente photos et deux vidéos, en vrai.", viewport == "phone" ? "2024-07-14" : "2022-07-14"), null, null)).Value!);
        await using var session = await BrowserSession.OpenAsync(app, viewport);
        var page = session.Page;
        await session.SignInAsync();
        await session.GotoAsync($"/memories/{memory.Id}");

        // Ten files chosen at once, each sent on its own with its own progress bar.
        var files = Colours.Select((colour, i) => new FilePayload
        {
            Name = $"IMG_{1000 + i}.JPG",
            MimeType = "image/jpeg",
            Buffer = Encode(TestImages.Picture(1200, 900, colour)),
        });
        await page.Locator("[data-uploader-input]").SetInputFilesAsync(files);
        await Assertions.Expect(page.Locator(".upload-item")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator(".upload-item.is-done")).ToHaveCountAsync(10, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".album-tile")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator(".album-strip .album-slide:not(.album-next)")).ToHaveCountAsync(10);

        Assert.EndsWith($"/memories/{memory.Id}", page.Url);
        // Reordered with a button (as the keyboard and screen readers do): the first moves after the second.
        var first = await page.Locator(".album-tile").First.GetAttributeAsync("data-media-id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reculer Photo 1" }).ClickAsync();
        await Assertions.Expect(page.Locator(".album-tile").Nth(1)).ToHaveAttributeAsync("data-media-id", first!);
        await Assertions.Expect(page.Locator(".album-tile").First.Locator(".badge")).ToHaveTextAsync("Couverture");

        // Reordered by dragging the fourth tile onto the first: a finger after a long press, or the mouse.
        var last = await page.Locator(".album-tile").Nth(3).GetAttributeAsync("data-media-id");
        await page.RunAndWaitForResponseAsync(async () =>
        {
            if (viewport == "phone")
            {
                await LongPressAndDragAsync(page, page.Locator(".album-tile").Nth(3), page.Locator(".album-tile").First);
            }
            else
            {
                await page.Locator(".album-tile").Nth(3).DragToAsync(page.Locator(".album-tile").First, new() { TargetPosition = new() { X = 5, Y = 40 } });
            }
        }, response => response.Url.Contains("handler=OrderMedia", StringComparison.Ordinal));

        await Assertions.Expect(page.Locator(".album-tile").First).ToHaveAttributeAsync("data-media-id", last!);
        Assert.EndsWith($"/memories/{memory.Id}", page.Url);
        await Assertions.Expect(page.Locator(".album-tile.is-dragged")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".album-tile")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator(".upload-item")).ToHaveCountAsync(10);
        await session.ScreenshotOfAsync("#album-editor", "album-editor");

        // The large view: a swipe (a finger on a phone, the arrow key on a desktop) moves to the next photo.
        await Assertions.Expect(page.Locator(".album-strip .album-slide:not(.album-next)")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("[data-album-position]")).ToHaveTextAsync("1 sur 10");
        var strip = page.Locator("[data-album]");
        await strip.ScrollIntoViewIfNeededAsync();
        if (viewport == "phone")
        {
            await SwipeLeftAsync(page, strip);
            // Long enough for the strip to come to rest: one swipe is one photo, never a flight on to the next memory.
            await Task.Delay(1500);
            Assert.True(page.Url.EndsWith($"/memories/{memory.Id}", StringComparison.Ordinal), $"after the swipe: {page.Url}");
        }
        else
        {
            await strip.FocusAsync();
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Assertions.Expect(page.Locator("[data-album-position]")).ToHaveTextAsync("2 sur 10");
        Assert.EndsWith($"/memories/{memory.Id}", page.Url);

        // A double tap zooms the photo, another one lets it go.
        var photo = page.Locator(".album-slide").Nth(1).Locator("[data-zoom]");
        await photo.DblClickAsync();
        await Assertions.Expect(photo).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-zoomed"));
        Assert.Contains("scale(2.5)", await photo.Locator("img").EvaluateAsync<string>("img => img.style.transform"));
        await photo.DblClickAsync();
        await Assertions.Expect(photo).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-zoomed"));
        if (viewport == "phone")
        {
            // Two fingers drawn apart zoom in.
            await PinchOutAsync(page, photo);
            await Assertions.Expect(photo).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-zoomed"));
            await photo.DblClickAsync();
        }

        // The slideshow plays and pauses (button, then the space bar).
        var slideshow = page.Locator("[data-album-slideshow]");
        await slideshow.ClickAsync();
        await Assertions.Expect(slideshow).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("[data-album-position]")).ToHaveTextAsync("3 sur 10", new() { Timeout = 10_000 });
        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(slideshow).ToHaveAttributeAsync("aria-pressed", "false");

        // An iPhone video: « en préparation… », then it plays inline.
        await page.Locator("[data-uploader-input]").SetInputFilesAsync(new FilePayload { Name = "IMG_1010.MOV", MimeType = "video/quicktime", Buffer = TestVideos.IphoneMov() });
        await Assertions.Expect(page.Locator(".upload-item.is-done").Last).ToContainTextAsync("préparation");
        var video = page.Locator(".album-strip video");
        await Assertions.Expect(video).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        Assert.Equal("metadata", await video.GetAttributeAsync("preload"));
        await video.EvaluateAsync("v => { v.muted = true; return v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('.album-strip video').currentTime > 0.2");
        await video.EvaluateAsync("v => v.pause()");
        await page.Locator(".album-strip").EvaluateAsync("strip => strip.scrollTo({ left: 0 })");
        await session.ScreenshotAsync("album");

        // The gallery counts them on the card.
        await session.GotoAsync("/memories");
        await Assertions.Expect(page.Locator($"#memory-{memory.Id} .memory-count")).ToHaveTextAsync("10 photos · 1 vidéo");
        session.AssertNoConsoleErrors();
    }

    /// <summary>Two fingers on a photo, drawn apart from each other.</summary>
    private static async Task PinchOutAsync(IPage page, ILocator target)
    {
        var box = (await target.BoundingBoxAsync())!;
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        Task TouchAsync(string type, double spread) => cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
        {
            ["type"] = type,
            ["touchPoints"] = type == "touchEnd" ? Array.Empty<object>() : new object[]
            {
                new Dictionary<string, object> { ["x"] = x - spread, ["y"] = y, ["id"] = 1 },
                new Dictionary<string, object> { ["x"] = x + spread, ["y"] = y, ["id"] = 2 },
            },
        });
        await TouchAsync("touchStart", 20);
        for (var step = 1; step <= 8; step++)
        {
            await TouchAsync("touchMove", 20 + step * 12);
            await Task.Delay(16);
        }

        await TouchAsync("touchEnd", 0);
    }

    /// <summary>A finger held on a tile, then drawn onto another one's left edge.</summary>
    private static async Task LongPressAndDragAsync(IPage page, ILocator from, ILocator to)
    {
        await to.ScrollIntoViewIfNeededAsync();
        var (a, b) = ((await from.BoundingBoxAsync())!, (await to.BoundingBoxAsync())!);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        Task TouchAsync(string type, double x, double y) => cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
        {
            ["type"] = type,
            ["touchPoints"] = type == "touchEnd" ? Array.Empty<object>() : new object[] { new Dictionary<string, object> { ["x"] = x, ["y"] = y } },
        });
        var (x, y) = (a.X + a.Width / 2, a.Y + a.Height / 3);
        await TouchAsync("touchStart", x, y);
        await Task.Delay(600);
        for (var step = 1; step <= 10; step++)
        {
            await TouchAsync("touchMove", x + (b.X + 5 - x) * step / 10, y + (b.Y + b.Height / 3 - y) * step / 10);
            await Task.Delay(16);
        }

        await TouchAsync("touchEnd", 0, 0);
    }

    /// <summary>A finger drawn from right to left across the strip, through Chromium's own touch input.</summary>
    private static async Task SwipeLeftAsync(IPage page, ILocator strip)
    {
        var box = (await strip.BoundingBoxAsync())!;
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var y = box.Y + box.Height / 2;
        async Task TouchAsync(string type, double x) => await cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
        {
            ["type"] = type,
            ["touchPoints"] = type == "touchEnd" ? Array.Empty<object>() : new object[] { new Dictionary<string, object> { ["x"] = x, ["y"] = y } },
        });
        await TouchAsync("touchStart", box.X + box.Width * 0.85);
        for (var step = 1; step <= 8; step++)
        {
            await TouchAsync("touchMove", box.X + box.Width * (0.85 - step * 0.08));
            await Task.Delay(16);
        }

        await TouchAsync("touchEnd", 0);
    }

    private static byte[] Encode(Image image)
    {
        using (image)
        {
            using var stream = new MemoryStream();
            image.SaveAsJpeg(stream);
            return stream.ToArray();
        }
    }
}
