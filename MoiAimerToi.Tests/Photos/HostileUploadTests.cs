using System.Net;
using System.Text;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;

namespace MoiAimerToi.Tests.Photos;

/// <summary>Files a hostile visitor would send: each refused or made harmless, and the site keeps answering.</summary>
public class HostileUploadTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string> Hostile => new()
    {
        { "zero bytes", "empty.jpg" },
        { "png claiming 30000x30000", "huge.png" },
        { "jpeg claiming 60000x60000", "huger.jpg" },
        { "svg with script", "drawing.jpg" },
        { "html named jpg", "page.jpg" },
        { "truncated jpeg", "cut.jpg" },
    };

    private static byte[] Bytes(string kind) => kind switch
    {
        "zero bytes" => [],
        "png claiming 30000x30000" => TestImages.PngClaiming(30_000, 30_000),
        "jpeg claiming 60000x60000" => TestImages.JpegClaiming(60_000, 60_000),
        "svg with script" => Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
        "html named jpg" => Encoding.UTF8.GetBytes("<!DOCTYPE html><script>alert(1)</script>"),
        "truncated jpeg" => TestImages.Truncated(TestImages.Jpeg(800, 600)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private async Task<int> NewMemoryAsync() =>
        (await (await factory.CreateKeyClient().SendAsync(HttpMethod.Post, "/api/memories", new { title = "Cible" })).JsonAsync()).GetProperty("id").GetInt32();

    private string[] Uploads() => Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploads"));

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_Hostile_File_Is_Refused_Leaves_Nothing_And_The_Site_Keeps_Answering(string kind, string fileName)
    {
        var id = await NewMemoryAsync();
        var before = Uploads();
        using var form = MemoryPhotosApiTests.PhotoForm(Bytes(kind), fileName);

        var response = await factory.CreateKeyClient().PutAsync($"/api/memories/{id}", form);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType });
        Assert.False(string.IsNullOrWhiteSpace(await response.ErrorAsync(response.StatusCode)));
        Assert.Equal(before, Uploads());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task A_Jpeg_With_Html_Appended_Is_Re_Encoded_And_Served_Only_As_An_Image()
    {
        var id = await NewMemoryAsync();
        var polyglot = TestImages.Jpeg(640, 480).Concat(Encoding.UTF8.GetBytes("<html><script>alert(document.cookie)</script></html>")).ToArray();
        using var form = MemoryPhotosApiTests.PhotoForm(polyglot);

        var response = await factory.CreateKeyClient().PutAsync($"/api/memories/{id}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = await factory.CreateClient().GetAsync((await response.JsonAsync()).GetProperty("photo_url").GetString());
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("<script", Encoding.Latin1.GetString(await served.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task A_Gif_With_Thousands_Of_Frames_Costs_One_Frame()
    {
        var id = await NewMemoryAsync();
        using var form = MemoryPhotosApiTests.PhotoForm(TestImages.Gif(64, 64, 3000), "flipbook.gif", "image/gif");

        var response = await factory.CreateKeyClient().PutAsync($"/api/memories/{id}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(64, (await response.JsonAsync()).GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task A_File_Named_To_Climb_Out_Of_The_Folder_Is_Stored_Under_A_Random_Name_Inside_It()
    {
        var id = await NewMemoryAsync();
        var outside = Path.GetFullPath(Path.Combine(factory.DataDirectory, "..", "x.jpg"));
        using var form = MemoryPhotosApiTests.PhotoForm(TestImages.Jpeg(320, 240), "../../x.jpg");

        var response = await factory.CreateKeyClient().PutAsync($"/api/memories/{id}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^/uploads/[0-9a-f]{32}\\.jpg$", (await response.JsonAsync()).GetProperty("photo_url").GetString());
        Assert.False(File.Exists(outside));
        Assert.Empty(Directory.GetFiles(factory.DataDirectory, "x.jpg", SearchOption.AllDirectories));
    }
}
