using System.Net;
using System.Text.Json;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Perspectives;

namespace MoiAimerToi.Tests.Api;

public class PerspectivesApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] PerspectiveFields = ["id", "perspective_number", "content", "updated_at"];

    private Task<IReadOnlyList<Perspective>> SavedAsync() => factory.InScopeAsync(sp => sp.GetRequiredService<PerspectiveService>().ListAsync());

    private static void AssertIsPerspective(JsonElement body, Perspective expected)
    {
        Assert.Equal(PerspectiveFields, body.Names());
        Assert.Equal(expected.Id, body.GetProperty("id").GetInt32());
        Assert.Equal(expected.Number, body.GetProperty("perspective_number").GetInt32());
        Assert.Equal(expected.Content, body.GetProperty("content").GetString());
        Assert.Equal(expected.UpdatedAt, body.GetProperty("updated_at").Timestamp(), TimeSpan.FromSeconds(1));
    }

    // The only test of this class that writes perspective 1, so it is the first to.
    [Fact]
    public async Task Post_Creates_With_201_Then_Updates_With_200_Never_Duplicating_The_Number()
    {
        var client = factory.CreateKeyClient();

        var first = await client.SendAsync(HttpMethod.Post, "/api/perspectives", new { perspective_number = 1, content = "Travel" });
        var second = await client.SendAsync(HttpMethod.Post, "/api/perspectives", new { perspective_number = 1, content = "Travel far" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("/api/perspectives/1", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var saved = (await SavedAsync()).Where(p => p.Number == 1).ToList();
        var one = Assert.Single(saved);
        Assert.Equal("Travel far", one.Content);
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetInt32(), one.Id);
        AssertIsPerspective(await second.JsonAsync(), one);
    }

    [Theory]
    [InlineData("{\"perspective_number\": 3, \"content\": \"A third\"}")]
    [InlineData("{\"perspective_number\": 0, \"content\": \"Zero\"}")]
    [InlineData("{\"content\": \"No number\"}")]
    public async Task Post_With_A_Number_Other_Than_1_Or_2_Answers_400_Naming_It(string json)
    {
        var before = await SavedAsync();

        var response = await factory.CreateKeyClient().SendRawAsync(HttpMethod.Post, "/api/perspectives", json);

        Assert.Equal(["perspective_number"], await response.FieldErrorsAsync());
        Assert.Equal("The perspective number must be 1 or 2.", await response.ErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal(before.Count, (await SavedAsync()).Count);
    }

    [Fact]
    public async Task Post_Accepts_The_Number_As_A_String_As_Form_Minded_Clients_Send_It()
    {
        var response = await factory.CreateKeyClient().SendRawAsync(HttpMethod.Post, "/api/perspectives", "{\"perspective_number\": \"2\", \"content\": \"A garden\"}");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created);
        Assert.Equal("A garden", (await SavedAsync()).Single(p => p.Number == 2).Content);
    }

    [Fact]
    public async Task Get_Lists_And_Gets_By_Number()
    {
        var client = factory.CreateKeyClient();
        await client.SendAsync(HttpMethod.Post, "/api/perspectives", new { perspective_number = 2, content = "A house by the sea" });

        var list = await (await factory.CreateApiClient().GetAsync("/api/perspectives")).JsonAsync();
        var two = await factory.CreateApiClient().GetAsync("/api/perspectives/2");

        var saved = await SavedAsync();
        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        Assert.Equal(saved.Select(p => p.Number), list.EnumerateArray().Select(p => p.GetProperty("perspective_number").GetInt32()));
        AssertIsPerspective(list.EnumerateArray().Single(p => p.GetProperty("perspective_number").GetInt32() == 2), saved.Single(p => p.Number == 2));
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        AssertIsPerspective(await two.JsonAsync(), saved.Single(p => p.Number == 2));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Get_A_Number_Other_Than_1_Or_2_Answers_404_Json(int number)
    {
        await (await factory.CreateApiClient().GetAsync($"/api/perspectives/{number}")).ErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_A_Perspective_Not_Written_Yet_Answers_404_Json()
    {
        using var fresh = new AppFactory();

        var response = await fresh.CreateApiClient().GetAsync("/api/perspectives/1");

        Assert.Contains("not been written", await response.ErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal(JsonValueKind.Array, (await (await fresh.CreateApiClient().GetAsync("/api/perspectives")).JsonAsync()).ValueKind);
    }

    [Fact]
    public async Task Put_Writes_The_Content_Of_That_Number()
    {
        var response = await factory.CreateKeyClient().SendAsync(HttpMethod.Put, "/api/perspectives/2", new { content = "  Grow old together  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await SavedAsync()).Single(p => p.Number == 2);
        Assert.Equal("Grow old together", saved.Content);
        AssertIsPerspective(await response.JsonAsync(), saved);
    }

    [Fact]
    public async Task Put_A_Number_Other_Than_1_Or_2_Answers_404_Or_Without_Content_400()
    {
        var client = factory.CreateKeyClient();

        await (await client.SendAsync(HttpMethod.Put, "/api/perspectives/3", new { content = "A third" })).ErrorAsync(HttpStatusCode.NotFound);
        Assert.Equal(["content"], await (await client.SendAsync(HttpMethod.Put, "/api/perspectives/1", new { })).FieldErrorsAsync());
        Assert.DoesNotContain(await SavedAsync(), p => p.Number == 3);
    }

    [Fact]
    public async Task Writes_Without_Credentials_Answer_401_And_Change_Nothing()
    {
        var before = await SavedAsync();
        var client = factory.CreateApiClient();

        await (await client.SendAsync(HttpMethod.Post, "/api/perspectives", new { perspective_number = 1, content = "Hacked" })).ErrorAsync(HttpStatusCode.Unauthorized);
        await (await client.SendAsync(HttpMethod.Put, "/api/perspectives/1", new { content = "Hacked" })).ErrorAsync(HttpStatusCode.Unauthorized);

        var after = await SavedAsync();
        Assert.Equal(before.Select(p => (p.Number, p.Content)), after.Select(p => (p.Number, p.Content)));
    }
}
