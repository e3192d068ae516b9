using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Tests.Media;

/// <summary>Videos through the real ffmpeg (Debian's, which CI installs): probed at upload, prepared in the background.</summary>
public class VideoTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public static async Task<JsonElement> ReadyAsync(HttpClient api, int id)
    {
        JsonElement memory = default;
        await Eventually.TrueAsync(async () =>
        {
            memory = await (await api.GetAsync($"/api/memories/{id}")).JsonAsync();
            return memory.GetProperty("media").EnumerateArray().All(m => m.GetProperty("status").GetString() != "processing");
        }, "the video is prepared", TimeSpan.FromSeconds(60));
        return memory;
    }

    [Fact]
    public async Task An_iPhone_Hevc_Mov_Becomes_An_Upright_H264_Mp4_Without_Its_Gps_With_A_Poster_And_Answers_Range()
    {
        var api = factory.CreateKeyClient();
        var id = await AlbumApiTests.CreateMemoryAsync(api);
        var accepted = await AlbumApiTests.AddAsync(api, id, TestVideos.IphoneMov(), "IMG_0042.MOV", HttpStatusCode.Accepted);
        var pending = accepted.GetProperty("media")[0];
        Assert.Equal("video", pending.GetProperty("kind").GetString());
        Assert.Equal("processing", pending.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("url").ValueKind);

        // Meanwhile the memory's page says so.
        var page = await factory.CreateBrowser().GetPageAsync($"/memories/{id}");
        Assert.True(page.QuerySelector(".album-waiting") is null || page.Text(".album-waiting").Contains("préparation"));

        var video = (await ReadyAsync(api, id)).GetProperty("media")[0];
        Assert.Equal("ready", video.GetProperty("status").GetString());
        Assert.Equal((180, 320), (video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
        Assert.InRange(video.GetProperty("duration_seconds").GetDouble(), 0.9, 1.2);
        var url = video.GetProperty("url").GetString()!;
        Assert.EndsWith(".mp4", url);
        Assert.NotNull(video.GetProperty("thumbnail_url").GetString());

        var path = Path.Combine(factory.DataDirectory, "uploads", Path.GetFileName(url));
        var probe = TestVideos.Probe(path);
        var streams = probe.GetProperty("streams").EnumerateArray().ToArray();
        var picture = streams.Single(s => s.GetProperty("codec_type").GetString() == "video");
        Assert.Equal("h264", picture.GetProperty("codec_name").GetString());
        Assert.Equal((180, 320), (picture.GetProperty("width").GetInt32(), picture.GetProperty("height").GetInt32()));
        Assert.False(picture.TryGetProperty("side_data_list", out _), "the rotation is applied, not kept as a matrix");
        Assert.Equal("aac", streams.Single(s => s.GetProperty("codec_type").GetString() == "audio").GetProperty("codec_name").GetString());
        var tags = probe.GetProperty("format").TryGetProperty("tags", out var t) ? t.ToString() : "";
        Assert.DoesNotContain("location", tags, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("48.8584", File.ReadAllText(path, System.Text.Encoding.Latin1));
        Assert.DoesNotContain("Apple", tags);
        // +faststart: the index (moov) before the film (mdat).
        var bytes = File.ReadAllBytes(path);
        Assert.True(IndexOf(bytes, "moov"u8) < IndexOf(bytes, "mdat"u8));

        var range = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new System.Net.Http.Headers.RangeHeaderValue(100, 199) } };
        var partial = await factory.CreateBrowser().SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType?.MediaType);

        // The original is kept as it came, with its own extension.
        var original = await api.GetAsync($"/api/memories/{id}/media/{video.GetProperty("id").GetInt32()}/original");
        Assert.Equal(TestVideos.IphoneMov(), await original.Content.ReadAsByteArrayAsync());
        Assert.Equal("video/quicktime", original.Content.Headers.ContentType?.MediaType);

        // The page plays it inline, light until asked.
        var view = await factory.CreateBrowser().GetPageAsync($"/memories/{id}");
        var element = view.QuerySelector("video")!;
        Assert.Equal("metadata", element.GetAttribute("preload"));
        Assert.True(element.HasAttribute("controls") && element.HasAttribute("playsinline"));
        Assert.Equal(url, element.GetAttribute("src"));
    }

    [Fact]
    public async Task A_Video_Over_The_Duration_Limit_Is_A_422_And_Nothing_Is_Kept()
    {
        var api = factory.CreateKeyClient();
        var id = await AlbumApiTests.CreateMemoryAsync(api);
        var limit = factory.Service<Microsoft.Extensions.Options.IOptions<MoiAimerToi.Web.Media.MediaOptions>>().Value.MaxVideoSeconds;
        Assert.Equal(600, limit);
        var originals = Directory.GetFiles(Path.Combine(factory.DataDirectory, "originals")).Length;

        // 601 s of a tiny still picture and silence costs little to make.
        var tooLong = TestVideos.Make(".mp4", "-f", "lavfi", "-i", "color=c=pink:size=64x36:rate=1", "-t", "601", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        using var form = AlbumApiTests.FileForm(tooLong, "long.mp4");
        var response = await api.PostAsync($"/api/memories/{id}/media", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("10", (await response.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal(originals, Directory.GetFiles(Path.Combine(factory.DataDirectory, "originals")).Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "tmp")));
    }

    [Fact]
    public async Task A_Video_That_Plays_Everywhere_Is_Prepared_And_Counted_On_Its_Card()
    {
        var api = factory.CreateKeyClient();
        var id = await AlbumApiTests.CreateMemoryAsync(api, "Une vidéo et une photo");
        await AlbumApiTests.AddAsync(api, id, TestImages.Jpeg(64, 48), "a.jpg");
        await AlbumApiTests.AddAsync(api, id, TestVideos.Mp4(), "clip.mp4", HttpStatusCode.Accepted);
        var memory = await ReadyAsync(api, id);

        Assert.Equal("ready", memory.GetProperty("media")[1].GetProperty("status").GetString());
        var page = await factory.CreateBrowser().GetPageAsync("/memories");
        Assert.Equal("1 photo · 1 vidéo", page.QuerySelector($"#memory-{id} .memory-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_Share_Link_Plays_The_Albums_Video_Through_Its_Own_Address_And_Gives_Originals_Only_When_Allowed()
    {
        var api = factory.CreateKeyClient();
        var id = await AlbumApiTests.CreateMemoryAsync(api, "Partagée avec sa vidéo");
        await AlbumApiTests.AddAsync(api, id, TestImages.Jpeg(64, 48), "a.jpg");
        await AlbumApiTests.AddAsync(api, id, TestVideos.IphoneMov(), "IMG_0042.MOV", HttpStatusCode.Accepted);
        var video = (await ReadyAsync(api, id)).GetProperty("media")[1];
        string PathOf(JsonElement link) => new Uri(link.GetProperty("url").GetString()!).AbsolutePath;
        var plain = PathOf(await (await api.SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = id })).JsonAsync());
        var downloads = PathOf(await (await api.SendAsync(HttpMethod.Post, "/api/share-links", new { memory_id = id, allow_download = true })).JsonAsync());
        var friend = factory.CreateBrowser();

        var page = await friend.GetPageAsync(plain);
        var source = page.QuerySelector(".album-strip video")!.GetAttribute("src")!;
        Assert.StartsWith(plain + "/files/", source);
        Assert.EndsWith(Path.GetFileName(video.GetProperty("url").GetString()!), source);
        var range = new HttpRequestMessage(HttpMethod.Get, source) { Headers = { Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99) } };
        Assert.Equal(HttpStatusCode.PartialContent, (await friend.SendAsync(range)).StatusCode);
        Assert.Null(page.QuerySelector("a[download]"));
        var mediaId = video.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await friend.GetAsync($"{plain}/originals/{mediaId}")).StatusCode);

        var original = await friend.GetAsync($"{downloads}/originals/{mediaId}");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(TestVideos.IphoneMov(), await original.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, (await friend.GetPageAsync(downloads)).QuerySelectorAll("a[download]").Length);
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> box) => bytes.AsSpan().IndexOf(box);
}
