using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Accounts;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace MoiAimerToi.Tests.Media;

/// <summary>A memory's album through the API (api-contract.md, "Media"): photos only, so no ffmpeg is needed here.</summary>
public class AlbumApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public static MultipartFormDataContent FileForm(byte[] bytes, string fileName, string contentType = "application/octet-stream") => new()
    {
        { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } }, "file", fileName },
    };

    public static async Task<int> CreateMemoryAsync(HttpClient api, string title = "La plage", string? takenOn = null) =>
        (await (await api.SendAsync(HttpMethod.Post, "/api/memories", new { title, taken_on = takenOn })).JsonAsync()).GetProperty("id").GetInt32();

    public static async Task<JsonElement> AddAsync(HttpClient api, int id, byte[] bytes, string fileName, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var form = FileForm(bytes, fileName);
        var response = await api.PostAsync($"/api/memories/{id}/media", form);
        Assert.Equal(expected, response.StatusCode);
        return await response.JsonAsync();
    }

    private static int[] Ids(JsonElement memory) => memory.GetProperty("media").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()).ToArray();

    [Fact]
    public async Task Photos_Join_The_Album_In_Order_The_First_Is_The_Cover_And_Old_Clients_See_The_Cover()
    {
        var api = factory.CreateKeyClient();
        var id = await CreateMemoryAsync(api);
        await AddAsync(api, id, TestImages.Jpeg(400, 300), "IMG_0001.JPG");
        var memory = await AddAsync(api, id, TestImages.Png(300, 400), "IMG_0002.PNG");

        var media = memory.GetProperty("media").EnumerateArray().ToArray();
        Assert.Equal(2, media.Length);
        Assert.All(media, m => Assert.Equal("photo", m.GetProperty("kind").GetString()));
        Assert.All(media, m => Assert.Equal("ready", m.GetProperty("status").GetString()));
        Assert.All(media, m => Assert.Equal(JsonValueKind.Null, m.GetProperty("duration_seconds").ValueKind));
        Assert.Equal(media[0].GetProperty("id").GetInt32(), memory.GetProperty("cover_media_id").GetInt32());
        Assert.Equal(media[0].GetProperty("url").GetString(), memory.GetProperty("photo_url").GetString());
        Assert.Equal(media[0].GetProperty("thumbnail_url").GetString(), memory.GetProperty("thumbnail_url").GetString());
        Assert.Equal(400, memory.GetProperty("width").GetInt32());

        // Reordered: the second becomes the cover, and what old clients see follows it.
        var ids = Ids(memory);
        var reordered = await (await api.SendAsync(HttpMethod.Put, $"/api/memories/{id}/media/order", new { ids = ids.Reverse().ToArray() })).JsonAsync();
        Assert.Equal(ids.Reverse(), Ids(reordered));
        Assert.Equal(ids[1], reordered.GetProperty("cover_media_id").GetInt32());
        Assert.Equal(300, reordered.GetProperty("width").GetInt32());
        Assert.Equal(reordered.GetProperty("media")[0].GetProperty("url").GetString(), (await (await api.GetAsync($"/api/memories/{id}")).JsonAsync()).GetProperty("photo_url").GetString());
    }

    [Fact]
    public async Task An_Order_That_Misses_Repeats_Or_Borrows_An_Id_Is_Refused_And_Changes_Nothing()
    {
        var api = factory.CreateKeyClient();
        var id = await CreateMemoryAsync(api);
        await AddAsync(api, id, TestImages.Jpeg(64, 48), "a.jpg");
        var memory = await AddAsync(api, id, TestImages.Jpeg(64, 48), "b.jpg");
        var other = await CreateMemoryAsync(api, "Ailleurs");
        var foreign = Ids(await AddAsync(api, other, TestImages.Jpeg(64, 48), "c.jpg"))[0];
        var ids = Ids(memory);

        foreach (var order in new[] { new[] { ids[0] }, new[] { ids[0], ids[0] }, new[] { ids[0], foreign }, [ids[0], ids[1], foreign], [] })
        {
            var response = await api.SendAsync(HttpMethod.Put, $"/api/memories/{id}/media/order", new { ids = order });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendRawAsync(HttpMethod.Put, $"/api/memories/{id}/media/order", "{\"ids\": [1,")).StatusCode);
        Assert.Equal(ids, Ids(await (await api.GetAsync($"/api/memories/{id}")).JsonAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(HttpMethod.Put, "/api/memories/9999/media/order", new { ids })).StatusCode);
    }

    [Fact]
    public async Task Removing_A_Medium_Removes_Its_Files_And_Its_Original_And_The_Next_Becomes_The_Cover()
    {
        var api = factory.CreateKeyClient();
        var id = await CreateMemoryAsync(api);
        var first = await AddAsync(api, id, TestImages.Jpeg(64, 48), "a.jpg");
        var memory = await AddAsync(api, id, TestImages.Jpeg(80, 60), "b.jpg");
        var ids = Ids(memory);
        var url = first.GetProperty("media")[0].GetProperty("url").GetString()!;
        var originals = Directory.GetFiles(Path.Combine(factory.DataDirectory, "originals")).Length;

        var after = await (await api.DeleteAsync($"/api/memories/{id}/media/{ids[0]}")).JsonAsync();

        Assert.Equal([ids[1]], Ids(after));
        Assert.Equal(ids[1], after.GetProperty("cover_media_id").GetInt32());
        Assert.Equal(80, after.GetProperty("width").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(url)).StatusCode);
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "uploads", Path.GetFileName(url))));
        Assert.Equal(originals - 1, Directory.GetFiles(Path.Combine(factory.DataDirectory, "originals")).Length);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/memories/{id}/media/{ids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/memories/9999/media/{ids[1]}")).StatusCode);
    }

    [Fact]
    public async Task The_Original_Is_Kept_Byte_For_Byte_For_Partners_And_The_Key_And_Refused_To_Guests()
    {
        var api = factory.CreateKeyClient();
        var id = await CreateMemoryAsync(api);
        var heic = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Photos", "Fixtures", "sideways-exif.heic"));
        var mediaId = Ids(await AddAsync(api, id, heic, "IMG_4021.HEIC"))[0];
        var url = $"/api/memories/{id}/media/{mediaId}/original";

        var original = await api.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(heic, await original.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/heic", original.Content.Headers.ContentType?.MediaType);
        Assert.Equal("IMG_4021.HEIC", original.Content.Headers.ContentDisposition?.FileNameStar ?? original.Content.Headers.ContentDisposition?.FileName);

        var partner = await factory.CreateTokenClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(url)).StatusCode);
        await factory.CreateAccountAsync("original-guest", AccountRole.Guest);
        var guest = await factory.CreateTokenClientAsync("original-guest");
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(url)).StatusCode);

        // A partner's browser gets it from the page's link; a guest's does not.
        var browser = await factory.SignedInBrowserAsync();
        var download = await browser.GetAsync($"/memories/{id}/media/{mediaId}/original");
        Assert.Equal(heic, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("no-store", download.Headers.CacheControl?.ToString());
        var guestBrowser = await factory.SignedInBrowserAsync("original-guest");
        Assert.NotEqual(HttpStatusCode.OK, (await guestBrowser.GetAsync($"/memories/{id}/media/{mediaId}/original")).StatusCode);
    }

    [Fact]
    public async Task A_Memory_Without_A_Chosen_Day_Takes_Its_Earliest_Photos_Day_And_A_Chosen_Day_Stays()
    {
        var api = factory.CreateKeyClient();
        byte[] Taken(string day) => TestImages.Jpeg(64, 48, exif => exif.SetValue(ExifTag.DateTimeOriginal, day + " 18:30:00"));

        var id = await CreateMemoryAsync(api);
        await AddAsync(api, id, Taken("2024:07:15"), "a.jpg");
        var memory = await AddAsync(api, id, Taken("2024:07:14"), "b.jpg");
        Assert.Equal("2024-07-14", memory.GetProperty("taken_on").GetString());
        Assert.Equal("2024-07-14", memory.GetProperty("media")[1].GetProperty("taken_at").GetString());

        var chosen = await CreateMemoryAsync(api, "Choisi", "2020-02-29");
        Assert.Equal("2020-02-29", (await AddAsync(api, chosen, Taken("2024:07:14"), "c.jpg")).GetProperty("taken_on").GetString());
    }

    [Fact]
    public async Task Put_With_A_Photo_Still_Replaces_The_Cover_And_Keeps_The_Rest_Of_The_Album()
    {
        var api = factory.CreateKeyClient();
        var id = await CreateMemoryAsync(api);
        await AddAsync(api, id, TestImages.Jpeg(64, 48), "a.jpg");
        var ids = Ids(await AddAsync(api, id, TestImages.Jpeg(80, 60), "b.jpg"));

        using var form = MemoryPhotosApiTests.PhotoForm(TestImages.Jpeg(100, 50));
        var memory = await (await api.PutAsync($"/api/memories/{id}", form)).JsonAsync();

        var after = Ids(memory);
        Assert.Equal(2, after.Length);
        Assert.DoesNotContain(ids[0], after);
        Assert.Equal(ids[1], after[1]);
        Assert.Equal(100, memory.GetProperty("width").GetInt32());
        Assert.Equal(memory.GetProperty("media")[0].GetProperty("url").GetString(), memory.GetProperty("photo_url").GetString());
    }

    [Fact]
    public async Task A_Photo_Chosen_In_The_Edit_Form_Becomes_The_Cover_And_The_Album_Keeps_Everything()
    {
        var api = factory.CreateKeyClient();
        var id = await CreateMemoryAsync(api, "Trois temps");
        await AddAsync(api, id, TestImages.Jpeg(64, 48), "a.jpg");
        var ids = Ids(await AddAsync(api, id, TestImages.Jpeg(80, 60), "b.jpg"));
        var browser = await factory.SignedInBrowserAsync();
        var gallery = await browser.GetPageAsync($"/memories?handler=Edit&id={id}");

        var saved = await browser.SubmitWithFileAsync(gallery.Form($"form[action*='handler=Save']"), "Input.Photo", TestImages.Jpeg(100, 50), "c.jpg");

        Assert.True(saved.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, saved.StatusCode.ToString());
        var memory = await (await api.GetAsync($"/api/memories/{id}")).JsonAsync();
        var after = Ids(memory);
        Assert.Equal(3, after.Length);
        Assert.Equal(ids, after[1..]);
        Assert.Equal(100, memory.GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task Refusals_Answer_As_The_Contract_Says_And_Store_Nothing()
    {
        var api = factory.CreateKeyClient();
        var id = await CreateMemoryAsync(api);
        var before = StoredFiles();

        var html = System.Text.Encoding.UTF8.GetBytes("<!doctype html><html><body>not a video</body></html>");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await api.PostAsync($"/api/memories/{id}/media", FileForm(html, "clip.mov", "video/quicktime"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await api.PostAsync($"/api/memories/{id}/media", FileForm(TestImages.Bmp(10, 10), "a.bmp"))).StatusCode);
        var truncated = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Photos", "Fixtures", "sideways-exif.heic"))[..400];
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync($"/api/memories/{id}/media", FileForm(truncated, "cut.heic"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync($"/api/memories/{id}/media", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/memories/9999/media", FileForm(TestImages.Jpeg(8, 8), "a.jpg"))).StatusCode);

        var guest = await factory.CreateAccountAsync("album-guest", AccountRole.Guest);
        var guestApi = await factory.CreateTokenClientAsync(guest.UserName!);
        Assert.Equal(HttpStatusCode.Forbidden, (await guestApi.PostAsync($"/api/memories/{id}/media", FileForm(TestImages.Jpeg(8, 8), "a.jpg"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync($"/api/memories/{id}/media", FileForm(TestImages.Jpeg(8, 8), "a.jpg"))).StatusCode);

        Assert.Equal(before, StoredFiles());
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "tmp")));
    }

    [Fact]
    public async Task The_Gallery_Card_Shows_The_Cover_And_The_Count()
    {
        var api = factory.CreateKeyClient();
        var id = await CreateMemoryAsync(api, "Trois photos");
        for (var i = 0; i < 3; i++)
        {
            await AddAsync(api, id, TestImages.Jpeg(64, 48), $"{i}.jpg");
        }

        var page = await factory.CreateBrowser().GetPageAsync("/memories");
        var card = page.QuerySelector($"#memory-{id}")!;
        Assert.Equal("3 photos", card.QuerySelector(".memory-count")!.TextContent.Trim());
        Assert.Matches("^#[0-9a-f]{6}$", card.QuerySelector(".memory-photo")!.GetAttribute("data-color")!);
        Assert.Single(card.QuerySelectorAll("img"));
    }

    private string[] StoredFiles() => new[] { "uploads", "originals" }
        .SelectMany(folder => Directory.GetFiles(Path.Combine(factory.DataDirectory, folder))).Order().ToArray();
}
