using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Memories;
using SixLabors.ImageSharp;

namespace MoiAimerToi.Tests.Api;

public class MemoryPhotosApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private string Uploads => Path.Combine(factory.DataDirectory, "uploads");

    private Task<Memory?> FindAsync(int id) => factory.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().FindAsync(id));

    private async Task<int> CreateAsync(string title)
    {
        var response = await factory.CreateKeyClient().SendAsync(HttpMethod.Post, "/api/memories", new { title });
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    public static MultipartFormDataContent PhotoForm(byte[] bytes, string fileName = "beach.jpg", string contentType = "image/jpeg", string? title = null)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } }, "photo", fileName },
        };
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }

        return form;
    }

    private IEnumerable<string> FilesOf(string? photoUrl) =>
        photoUrl is null ? [] : Directory.GetFiles(Uploads, Path.GetFileNameWithoutExtension(photoUrl) + "*");

    [Fact]
    public async Task A_Stored_File_Answers_A_Range_With_206_So_A_Phone_Can_Seek()
    {
        var id = await CreateAsync("Par morceaux");
        using var form = PhotoForm(TestImages.Jpeg(800, 600));
        var url = (await (await factory.CreateKeyClient().PutAsync($"/api/memories/{id}", form)).JsonAsync()).GetProperty("photo_url").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(0, 99);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(100, (await response.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(0, response.Content.Headers.ContentRange?.From);
        Assert.Contains("bytes", response.Headers.AcceptRanges);
    }

    [Fact]
    public async Task Put_Multipart_With_An_Iphone_Heic_Stores_The_Usual_Files()
    {
        var id = await CreateAsync("Photo d'iPhone");
        var heic = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Photos", "Fixtures", "iphone-size.heic"));
        using var form = PhotoForm(heic, "IMG_0001.HEIC", "image/heic");

        var response = await factory.CreateKeyClient().PutAsync($"/api/memories/{id}", form);

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2560, 1920), (body.GetProperty("width").GetInt32(), body.GetProperty("height").GetInt32()));
        var photo = await factory.CreateClient().GetAsync(body.GetProperty("photo_url").GetString());
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, FilesOf(body.GetProperty("photo_url").GetString()).Count());
    }

    [Fact]
    public async Task A_Memory_Created_Without_A_Date_Takes_Its_Photos_Day_But_A_Chosen_Day_Is_Never_Overwritten()
    {
        var key = factory.CreateKeyClient();
        var photo = TestImages.Jpeg(800, 600, exif => exif.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.DateTimeOriginal, "2024:07:14 10:00:00"));
        var undated = await CreateAsync("Sans date");
        var dated = (await (await key.SendAsync(HttpMethod.Post, "/api/memories", new { title = "Daté", taken_on = "2020-02-02" })).JsonAsync()).GetProperty("id").GetInt32();

        using (var form = PhotoForm(photo))
        {
            Assert.Equal("2024-07-14", (await (await key.PutAsync($"/api/memories/{undated}", form)).JsonAsync()).GetProperty("taken_on").GetString());
        }

        using (var form = PhotoForm(photo))
        {
            Assert.Equal("2020-02-02", (await (await key.PutAsync($"/api/memories/{dated}", form)).JsonAsync()).GetProperty("taken_on").GetString());
        }

        // Saving the edit form, which sends the day it shows, chooses nothing; choosing another day does.
        await key.SendAsync(HttpMethod.Put, $"/api/memories/{undated}", new { title = "Sans date", taken_on = "2024-07-14" });
        using (var form = PhotoForm(TestImages.Jpeg(800, 600, exif => exif.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.DateTimeOriginal, "2023:01:05 10:00:00"))))
        {
            Assert.Equal("2023-01-05", (await (await key.PutAsync($"/api/memories/{undated}", form)).JsonAsync()).GetProperty("taken_on").GetString());
        }

        await key.SendAsync(HttpMethod.Put, $"/api/memories/{undated}", new { taken_on = "2019-09-09" });
        using (var form = PhotoForm(photo))
        {
            Assert.Equal("2019-09-09", (await (await key.PutAsync($"/api/memories/{undated}", form)).JsonAsync()).GetProperty("taken_on").GetString());
        }
    }

    [Fact]
    public async Task Put_Multipart_With_A_Photo_Stores_It_And_Answers_Its_Addresses_And_Size()
    {
        var id = await CreateAsync("Plage");
        using var form = PhotoForm(TestImages.Jpeg(1600, 1200), title: "Plage d’été");

        var response = await factory.CreateKeyClient().PutAsync($"/api/memories/{id}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Plage d’été", body.GetProperty("title").GetString());
        Assert.Equal((1600, 1200), (body.GetProperty("width").GetInt32(), body.GetProperty("height").GetInt32()));
        var client = factory.CreateClient();
        var full = await client.GetAsync(body.GetProperty("photo_url").GetString());
        Assert.Equal("image/jpeg", full.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", full.Headers.CacheControl?.ToString());
        Assert.NotNull(full.Headers.ETag);
        using var image = Image.Load(await full.Content.ReadAsByteArrayAsync());
        Assert.Equal(1600, image.Width);
        var thumbnail = await client.GetAsync(body.GetProperty("thumbnail_url").GetString());
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Equal(480, Image.Load(await thumbnail.Content.ReadAsByteArrayAsync()).Width);
    }

    [Fact]
    public async Task A_New_Photo_Replaces_The_Old_One_And_Its_Files_Are_Removed()
    {
        var id = await CreateAsync("Remplacée");
        var client = factory.CreateKeyClient();
        using var first = PhotoForm(TestImages.Jpeg(800, 600));
        var before = (await (await client.PutAsync($"/api/memories/{id}", first)).JsonAsync()).GetProperty("photo_url").GetString();
        Assert.Equal(3, FilesOf(before).Count());

        using var second = PhotoForm(TestImages.Png(640, 480), "second.png", "image/png");
        var after = (await (await client.PutAsync($"/api/memories/{id}", second)).JsonAsync()).GetProperty("photo_url").GetString();

        Assert.NotEqual(before, after);
        Assert.Empty(FilesOf(before));
        Assert.Equal(3, FilesOf(after).Count());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(before)).StatusCode);
    }

    [Fact]
    public async Task Delete_Removes_The_Row_And_Every_File_Of_Its_Photo()
    {
        var id = await CreateAsync("Effacée");
        var client = factory.CreateKeyClient();
        using var form = PhotoForm(TestImages.Jpeg(800, 600));
        var photoUrl = (await (await client.PutAsync($"/api/memories/{id}", form)).JsonAsync()).GetProperty("photo_url").GetString();

        var response = await client.DeleteAsync($"/api/memories/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await FindAsync(id));
        Assert.Empty(FilesOf(photoUrl));
    }

    [Fact]
    public async Task A_Text_File_Named_Jpg_Answers_415_And_Changes_Nothing()
    {
        var id = await CreateAsync("Intacte");
        var files = Directory.GetFiles(Uploads).Length;
        using var form = PhotoForm("not a photo at all"u8.ToArray(), title: "Changed");

        var response = await factory.CreateKeyClient().PutAsync($"/api/memories/{id}", form);

        var error = await response.ErrorAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("JPEG, PNG, WebP", error);
        Assert.Equal("Intacte", (await FindAsync(id))!.Title);
        Assert.Equal(files, Directory.GetFiles(Uploads).Length);
    }

    [Theory]
    [InlineData("../../moi_aimer_toi.db")]
    [InlineData("..%2F..%2Fmoi_aimer_toi.db")]
    [InlineData("00000000000000000000000000000000.jpg")]
    [InlineData("keys")]
    public async Task Uploads_Serves_Nothing_But_Stored_Photos(string name)
    {
        var response = await factory.CreateClient().GetAsync("/uploads/" + name);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>A small upload limit, so a test can cross it without sending 16 MB.</summary>
public sealed class SmallUploadLimit : AppFactory
{
    public SmallUploadLimit() => Settings["Photos:MaxUploadBytes"] = "20000";
}

public class UploadLimitApiTests(SmallUploadLimit factory) : IClassFixture<SmallUploadLimit>
{
    [Fact]
    public async Task A_Photo_Over_The_Limit_Answers_413_With_A_Json_Error_And_Changes_Nothing()
    {
        var client = factory.CreateKeyClient();
        var id = (await (await client.SendAsync(HttpMethod.Post, "/api/memories", new { title = "Trop grande" })).JsonAsync()).GetProperty("id").GetInt32();
        var bytes = TestImages.Jpeg(1500, 1500);
        Assert.True(bytes.Length > 20000);
        using var form = MemoryPhotosApiTests.PhotoForm(bytes);

        var response = await client.PutAsync($"/api/memories/{id}", form);

        var error = await response.ErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("larger than allowed", error);
        var memory = await factory.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().FindAsync(id));
        Assert.Null(memory!.PhotoFileName);
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploads")));
    }
}
