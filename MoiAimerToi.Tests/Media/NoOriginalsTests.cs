using System.Net;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;

namespace MoiAimerToi.Tests.Media;

public sealed class NoOriginalsSite : AppFactory
{
    public NoOriginalsSite() => Settings["Media:KeepOriginals"] = "false";
}

/// <summary>Media:KeepOriginals=false: nothing kept but what the pages show; a video's original goes once it is prepared.</summary>
public class NoOriginalsTests(NoOriginalsSite factory) : IClassFixture<NoOriginalsSite>
{
    [Fact]
    public async Task Without_Originals_Nothing_Stays_In_The_Originals_Folder_And_The_Download_Says_So()
    {
        var api = factory.CreateKeyClient();
        var id = await AlbumApiTests.CreateMemoryAsync(api);
        var photo = (await AlbumApiTests.AddAsync(api, id, TestImages.Jpeg(64, 48), "a.jpg")).GetProperty("media")[0].GetProperty("id").GetInt32();
        await AlbumApiTests.AddAsync(api, id, TestVideos.IphoneMov(), "IMG_0042.MOV", HttpStatusCode.Accepted);
        var video = (await VideoTests.ReadyAsync(api, id)).GetProperty("media")[1];

        Assert.Equal("ready", video.GetProperty("status").GetString());
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "originals")));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/memories/{id}/media/{photo}/original")).StatusCode);

        // The export then carries what the site shows: the full-size JPEG and the prepared MP4.
        var names = Transfer.Zips.EntryNames(await api.GetByteArrayAsync("/api/export"));
        Assert.Contains(names, n => n.EndsWith(".jpg", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith(".mp4", StringComparison.Ordinal));
    }
}
