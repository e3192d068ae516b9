using System.Net;
using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Api;

/// <summary>The health route, and what every <c>/api</c> answer shares: JSON errors, CORS, the OpenAPI document.</summary>
public class HealthApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static HttpRequestMessage Preflight(string url, string origin, string method = "PUT") => new(HttpMethod.Options, url)
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", method },
            { "Access-Control-Request-Headers", "authorization, x-api-key, content-type" },
        },
    };

    [Fact]
    public async Task Health_Answers_Status_Ok()
    {
        var response = await factory.CreateApiClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(["status"], body.Names());
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/nothing-here")]
    [InlineData("POST", "/api/memories/1/photos")]
    [InlineData("GET", "/api")]
    public async Task An_Unknown_Api_Path_Answers_404_Json_Not_The_Html_Page(string method, string url)
    {
        var response = await factory.CreateApiClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Contains(url, await response.ErrorAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Pages_Keep_Their_Html_Not_Found_Page()
    {
        var response = await factory.CreateBrowser().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_Cors_Preflight_From_A_Configured_Origin_Is_Allowed_For_Put_And_Delete()
    {
        var client = factory.CreateApiClient();

        var put = await client.SendAsync(Preflight("/api/memories/1", "http://localhost:8000"));
        var delete = await client.SendAsync(Preflight("/api/memories/1", "http://127.0.0.1:8000", "DELETE"));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal("http://localhost:8000", put.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("PUT", put.Headers.GetValues("Access-Control-Allow-Methods").Single().Split(','));
        var headers = put.Headers.GetValues("Access-Control-Allow-Headers").Single().Split(',').Select(h => h.Trim().ToLowerInvariant());
        Assert.Equal(["authorization", "content-type", "x-api-key"], headers.Order());
        Assert.Equal("http://127.0.0.1:8000", delete.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("DELETE", delete.Headers.GetValues("Access-Control-Allow-Methods").Single().Split(','));
    }

    [Fact]
    public async Task A_Cors_Preflight_From_Another_Origin_Is_Refused()
    {
        var response = await factory.CreateApiClient().SendAsync(Preflight("/api/memories/1", "http://evil.example"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_Cross_Origin_Answer_Carries_The_Origin_Even_On_An_Error()
    {
        var client = factory.CreateApiClient();
        client.DefaultRequestHeaders.Add("Origin", "http://localhost:8000");

        var read = await client.GetAsync("/api/couple-data");
        var refused = await client.SendAsync(HttpMethod.Put, "/api/couple-data/intro", new { intro_text = "x" });

        Assert.Equal("http://localhost:8000", read.Headers.GetValues("Access-Control-Allow-Origin").Single());
        await refused.ErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("http://localhost:8000", refused.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task The_OpenApi_Document_Describes_Every_Api_Route_And_Nothing_Else()
    {
        var response = await factory.CreateApiClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.JsonAsync()).GetProperty("paths").Names();
        Assert.Equal(
            [
                "/api/auth/login", "/api/counter", "/api/couple-data", "/api/couple-data/home-message", "/api/couple-data/intro",
                "/api/couple-data/start-date", "/api/dates", "/api/dates/{id}", "/api/dreams", "/api/dreams/{id}", "/api/export", "/api/health", "/api/import", "/api/invites", "/api/invites/{id}", "/api/invites/{token}/accept", "/api/letters", "/api/letters/{id}",
                "/api/me", "/api/memories", "/api/memories/{id}", "/api/memories/{id}/media", "/api/memories/{id}/media/order", "/api/memories/{id}/media/{mediaId}",
                "/api/memories/{id}/media/{mediaId}/original", "/api/memories/{id}/sides", "/api/memories/{id}/sides/mine", "/api/on-this-day", "/api/perspectives", "/api/perspectives/{number}", "/api/settings/visibility",
                "/api/share-links", "/api/share-links/{id}",
            ],
            paths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_OpenApi_Document_Marks_Protected_Routes_And_Snake_Case_Fields()
    {
        var document = await (await factory.CreateApiClient().GetAsync("/openapi/v1.json")).JsonAsync();

        var post = document.GetProperty("paths").GetProperty("/api/memories").GetProperty("post");
        Assert.Equal(["Bearer", "ApiKey"], post.GetProperty("security").EnumerateArray().SelectMany(s => s.Names()));
        Assert.False(document.GetProperty("paths").GetProperty("/api/memories").GetProperty("get").TryGetProperty("security", out _));
        var memory = document.GetProperty("components").GetProperty("schemas").GetProperty("MemoryDto").GetProperty("properties");
        Assert.Contains("photo_url", memory.Names());
        Assert.Equal("string", memory.GetProperty("created_at").GetProperty("type").GetString());
    }
}
