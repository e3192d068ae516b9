using System.Net;
using System.Text.Json;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Tests.Transfer;

namespace MoiAimerToi.Tests.Media;

/// <summary>An album of a HEIC, a JPEG and an iPhone video through export and import: every medium comes back from its original.</summary>
public class AlbumRoundTripTests(AppFactory source) : IClassFixture<AppFactory>
{
    private static readonly byte[] Heic = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Photos", "Fixtures", "sideways-exif.heic"));
    private static readonly byte[] Jpeg = TestImages.Jpeg(640, 480);

    [Fact]
    public async Task Export_Carries_Each_Original_With_Its_Extension_And_Import_Rebuilds_The_Album_From_Them()
    {
        var api = source.CreateKeyClient();
        var id = await AlbumApiTests.CreateMemoryAsync(api, "La plage", "2024-07-14");
        await AlbumApiTests.AddAsync(api, id, Heic, "IMG_0001.HEIC");
        await AlbumApiTests.AddAsync(api, id, Jpeg, "IMG_0002.JPG");
        await AlbumApiTests.AddAsync(api, id, TestVideos.IphoneMov(), "IMG_0003.MOV", HttpStatusCode.Accepted);
        await VideoTests.ReadyAsync(api, id);

        var zip = await api.GetByteArrayAsync("/api/export");

        Assert.Equal(Heic, Zips.Entry(zip, "photos/2024-07-14 La plage.heic"));
        Assert.Equal(Jpeg, Zips.Entry(zip, "photos/2024-07-14 La plage (2).jpg"));
        Assert.Equal(TestVideos.IphoneMov(), Zips.Entry(zip, "photos/2024-07-14 La plage (3).mov"));
        using (var data = JsonDocument.Parse(Zips.Entry(zip, "data.json")))
        {
            var memory = data.RootElement.GetProperty("memories")[0];
            Assert.Equal("photos/2024-07-14 La plage.heic", memory.GetProperty("photo").GetString());
            Assert.Equal(3, memory.GetProperty("media").GetArrayLength());
        }

        using var fresh = new AppFactory();
        var freshApi = fresh.CreateKeyClient();
        var imported = await freshApi.PostAsync("/api/import", Zips.ImportForm(zip));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var list = await (await freshApi.GetAsync("/api/memories")).JsonAsync();
        var copy = await VideoTests.ReadyAsync(freshApi, list[0].GetProperty("id").GetInt32());
        var media = copy.GetProperty("media").EnumerateArray().ToArray();
        Assert.Equal(["photo", "photo", "video"], media.Select(m => m.GetProperty("kind").GetString()));
        Assert.All(media, m => Assert.Equal("ready", m.GetProperty("status").GetString()));
        Assert.Equal((180, 320), (media[2].GetProperty("width").GetInt32(), media[2].GetProperty("height").GetInt32()));
        var originals = new List<byte[]>();
        foreach (var medium in media)
        {
            originals.Add(await freshApi.GetByteArrayAsync($"/api/memories/{copy.GetProperty("id").GetInt32()}/media/{medium.GetProperty("id").GetInt32()}/original"));
            Assert.Equal(HttpStatusCode.OK, (await freshApi.GetAsync(medium.GetProperty("thumbnail_url").GetString())).StatusCode);
        }

        Assert.Equal([Heic, Jpeg, TestVideos.IphoneMov()], originals);
        Assert.Equal(copy.GetProperty("media")[0].GetProperty("url").GetString(), copy.GetProperty("photo_url").GetString());
    }
}
