using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Memories;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp;

namespace MoiAimerToi.Tests.Api;

public class MemoriesApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] MemoryFields =
        ["id", "title", "description", "photo_url", "created_at", "thumbnail_url", "taken_on", "updated_at", "width", "height",
            "created_by", "updated_by", "just_us", "cover_media_id", "media"];

    private Task<Memory?> FindAsync(int id) => factory.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().FindAsync(id));

    private Task<IReadOnlyList<Memory>> AllAsync() => factory.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().ListAsync());

    private async Task<int> CreateAsync(string title, string description = "")
    {
        var response = await factory.CreateKeyClient().SendAsync(HttpMethod.Post, "/api/memories", new { title, description });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    /// <summary>Every field of the contract's memory, in its order, with the additive ones after.</summary>
    private static void AssertIsMemory(JsonElement body, Memory expected)
    {
        Assert.Equal(MemoryFields, body.Names());
        Assert.Equal(expected.Id, body.GetProperty("id").GetInt32());
        Assert.Equal(expected.Title, body.GetProperty("title").GetString());
        Assert.Equal(expected.Description, body.GetProperty("description").GetString());
        Assert.Equal(PhotoUrls.Full(expected), body.GetProperty("photo_url").GetString());
        Assert.Equal(expected.CreatedAt, body.GetProperty("created_at").Timestamp(), TimeSpan.FromSeconds(1));
        Assert.Equal(PhotoUrls.Thumbnail(expected), body.GetProperty("thumbnail_url").GetString());
        Assert.Equal(expected.TakenOn, body.GetProperty("taken_on").Date());
        Assert.Equal(expected.UpdatedAt, body.GetProperty("updated_at").Timestamp(), TimeSpan.FromSeconds(1));
        Assert.Equal(expected.PhotoWidth, body.GetProperty("width").ValueKind == JsonValueKind.Null ? null : body.GetProperty("width").GetInt32());
        Assert.Equal(expected.PhotoHeight, body.GetProperty("height").ValueKind == JsonValueKind.Null ? null : body.GetProperty("height").GetInt32());
    }

    public static byte[] Jpeg()
    {
        using var image = new Image<Rgb24>(32, 24);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task Post_Creates_A_Memory_And_Answers_201_With_Every_Field()
    {
        factory.Clock.Set(new DateTimeOffset(2025, 6, 1, 12, 34, 56, 789, TimeSpan.Zero));

        var response = await factory.CreateKeyClient().SendAsync(HttpMethod.Post, "/api/memories", new { title = " Beach ", description = "Sunny" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var saved = await FindAsync(body.GetProperty("id").GetInt32());
        Assert.NotNull(saved);
        Assert.Equal("Beach", saved.Title);
        AssertIsMemory(body, saved);
        Assert.Equal("2025-06-01T12:34:56", body.GetProperty("created_at").GetString());
        Assert.Equal("2025-06-01T12:34:56", body.GetProperty("updated_at").GetString());
        Assert.Equal($"/api/memories/{saved.Id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_Lists_Every_Memory_As_A_Json_Array_And_Gets_One_By_Id()
    {
        var id = await CreateAsync("Listed", "In the list");

        var list = await (await factory.CreateApiClient().GetAsync("/api/memories")).JsonAsync();
        var one = await factory.CreateApiClient().GetAsync($"/api/memories/{id}");

        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        var all = await AllAsync();
        Assert.Equal(all.Select(m => m.Id), list.EnumerateArray().Select(m => m.GetProperty("id").GetInt32()));
        AssertIsMemory(list.EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == id), all.Single(m => m.Id == id));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        AssertIsMemory(await one.JsonAsync(), (await FindAsync(id))!);
    }

    [Fact]
    public async Task An_Unknown_Id_Answers_404_Json()
    {
        var client = factory.CreateKeyClient();

        Assert.Contains("999999", await (await client.GetAsync("/api/memories/999999")).ErrorAsync(HttpStatusCode.NotFound));
        await (await client.SendAsync(HttpMethod.Put, "/api/memories/999999", new { title = "x" })).ErrorAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync("/api/memories/999999")).ErrorAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/memories/not-a-number")).ErrorAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"description\": \"No title\"}")]
    [InlineData("{\"title\": \"   \", \"description\": \"Blank title\"}")]
    [InlineData("{\"title\": null}")]
    public async Task Post_Without_A_Title_Answers_400_Naming_It_And_Creates_Nothing(string json)
    {
        var before = (await AllAsync()).Count;

        var response = await factory.CreateKeyClient().SendRawAsync(HttpMethod.Post, "/api/memories", json);

        Assert.Equal(["title"], await response.FieldErrorsAsync());
        Assert.Equal("Title is required.", await response.ErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before, (await AllAsync()).Count);
    }

    [Fact]
    public async Task Put_Json_Changes_Only_The_Fields_Sent()
    {
        var id = await CreateAsync("Kept title", "Old description");

        var response = await factory.CreateKeyClient().SendAsync(HttpMethod.Put, $"/api/memories/{id}", new { description = "New description" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await FindAsync(id))!;
        Assert.Equal(("Kept title", "New description"), (saved.Title, saved.Description));
        AssertIsMemory(await response.JsonAsync(), saved);
    }

    [Fact]
    public async Task Put_Json_Accepts_The_Additive_Taken_On_Date()
    {
        var id = await CreateAsync("Dated");

        var response = await factory.CreateKeyClient().SendAsync(HttpMethod.Put, $"/api/memories/{id}", new { taken_on = "2021-07-14" });

        Assert.Equal("2021-07-14", (await response.JsonAsync()).GetProperty("taken_on").GetString());
        Assert.Equal(new DateOnly(2021, 7, 14), (await FindAsync(id))!.TakenOn);
    }

    [Fact]
    public async Task Put_Multipart_Without_A_Photo_Changes_The_Fields_Sent()
    {
        var id = await CreateAsync("Old title", "Kept description");
        using var form = new MultipartFormDataContent { { new StringContent("New title"), "title" } };

        var response = await factory.CreateKeyClient().PutAsync($"/api/memories/{id}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await FindAsync(id))!;
        Assert.Equal(("New title", "Kept description"), (saved.Title, saved.Description));
        AssertIsMemory(await response.JsonAsync(), saved);
    }

    [Fact]
    public async Task Put_Invalid_Fields_Answer_400_Naming_Them_And_Change_Nothing()
    {
        var id = await CreateAsync("Valid");

        var response = await factory.CreateKeyClient().SendAsync(HttpMethod.Put, $"/api/memories/{id}", new { title = "", taken_on = "2999-01-01" });

        Assert.Equal(["title", "taken_on"], await response.FieldErrorsAsync());
        Assert.Equal("Valid", (await FindAsync(id))!.Title);
    }

    [Fact]
    public async Task Put_Malformed_Json_Or_Another_Content_Type_Is_Refused()
    {
        var id = await CreateAsync("Untouched");
        var client = factory.CreateKeyClient();

        Assert.Contains("Malformed JSON", await (await client.SendRawAsync(HttpMethod.Put, $"/api/memories/{id}", "{\"title\": ")).ErrorAsync(HttpStatusCode.BadRequest));
        await (await client.SendRawAsync(HttpMethod.Put, $"/api/memories/{id}", "title=x", "text/plain")).ErrorAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Untouched", (await FindAsync(id))!.Title);
    }

    [Fact]
    public async Task Delete_Removes_The_Row_And_Says_So()
    {
        var id = await CreateAsync("Doomed");
        var client = factory.CreateKeyClient();

        var response = await client.DeleteAsync($"/api/memories/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(["message"], body.Names());
        Assert.Equal("Memory deleted", body.GetProperty("message").GetString());
        Assert.Null(await FindAsync(id));
        await (await client.GetAsync($"/api/memories/{id}")).ErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Writes_Without_Credentials_Answer_401_And_Change_Nothing()
    {
        var id = await CreateAsync("Protected", "As it was");
        var count = (await AllAsync()).Count;
        var client = factory.CreateApiClient();
        using var form = new MultipartFormDataContent { { new StringContent("Hacked"), "title" } };

        await (await client.SendAsync(HttpMethod.Post, "/api/memories", new { title = "Hacked" })).ErrorAsync(HttpStatusCode.Unauthorized);
        await (await client.SendAsync(HttpMethod.Put, $"/api/memories/{id}", new { title = "Hacked" })).ErrorAsync(HttpStatusCode.Unauthorized);
        await (await client.PutAsync($"/api/memories/{id}", form)).ErrorAsync(HttpStatusCode.Unauthorized);
        await (await client.DeleteAsync($"/api/memories/{id}")).ErrorAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(count, (await AllAsync()).Count);
        Assert.Equal(("Protected", "As it was"), ((await FindAsync(id))!.Title, (await FindAsync(id))!.Description));
    }

    [Fact]
    public async Task A_Body_Over_The_Limit_Answers_413_Json_And_Creates_Nothing()
    {
        var before = (await AllAsync()).Count;
        var content = new ByteArrayContent(new byte[16 * 1024 * 1024 + 1]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

        var response = await factory.CreateKeyClient().PostAsync("/api/memories", content);

        Assert.Contains("16 MB", await response.ErrorAsync(HttpStatusCode.RequestEntityTooLarge));
        Assert.Equal(before, (await AllAsync()).Count);
    }
}
