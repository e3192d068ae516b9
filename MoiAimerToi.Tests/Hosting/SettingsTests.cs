using System.Net;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;

namespace MoiAimerToi.Tests.Hosting;

public class SettingsTests
{
    [Theory]
    [InlineData("RateLimits:LoginPerMinute", "0", "RateLimits:LoginPerMinute must be at least 1")]
    [InlineData("RateLimits:UploadsPerMinute", "-5", "RateLimits:UploadsPerMinute must be at least 1")]
    [InlineData("Couple:TimeZone", "Mars/Olympus_Mons", "Couple:TimeZone must be an IANA time zone")]
    [InlineData("Photos:MaxConcurrency", "0", "Photos:MaxConcurrency must be at least 1")]
    [InlineData("Backup:Keep", "0", "Backup:Keep must be at least 1")]
    [InlineData("Transfer:MaxEntries", "0", "Transfer:MaxEntries")]
    [InlineData("Api:TokenLifetime", "-01:00:00", "Api:TokenLifetime must be positive")]
    [InlineData("Cors:Origins:0", "localhost:8000", "Cors:Origins must each be a scheme, host and optional port")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "the proxy", "ForwardedHeaders:KnownProxies must each be an IP address")]
    [InlineData("ForwardedHeaders:KnownIPNetworks:0", "10.0.0.0/33", "ForwardedHeaders:KnownIPNetworks must each be a network")]
    [InlineData("RateLimits:LoginPerMinute", "ten", "RateLimits:LoginPerMinute")]
    public void A_Bad_Setting_Stops_The_Start_With_Its_Name_And_The_Rule(string setting, string value, string message)
    {
        using var factory = new AppFactory();
        factory.Settings[setting] = value;

        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, Flatten(refused));
    }

    private static string Flatten(Exception exception) =>
        exception is AggregateException aggregate
            ? string.Join(" ", aggregate.InnerExceptions.Select(Flatten))
            : exception.Message + (exception.InnerException is { } inner ? " " + Flatten(inner) : "");
}

public class RobotsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Robots_Are_Asked_To_Stay_Out_Of_The_Whole_Site()
    {
        var response = await factory.CreateClient().GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["User-agent: *", "Disallow: /"], (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/memories")]
    [InlineData("/api/memories")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    public async Task Every_Answer_Says_Noindex_Nofollow(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal("noindex, nofollow", string.Join(", ", response.Headers.GetValues("X-Robots-Tag")));
    }
}

public sealed class RealServer : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", Guid.NewGuid().ToString("N"));

    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ServerProcess.StartAsync(_data);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}

/// <summary>On the real server, which sends a HEAD answer's headers alone (the test server would send the body too).</summary>
public class HeadOnTheServerTests(RealServer site) : IClassFixture<RealServer>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/memories")]
    [InlineData("/api/memories")]
    [InlineData("/api/couple-data")]
    [InlineData("/api/health")]
    [InlineData("/healthz")]
    [InlineData("/robots.txt")]
    public async Task Head_Is_Answered_Wherever_Get_Is(string url)
    {
        using var client = site.Server.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}

public class HeadTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Head_On_An_Upload_Gives_Its_Type_And_Length_Without_The_Bytes()
    {
        // A file is served when a memory shows it.
        var memory = await factory.InScopeAsync(async sp => (await sp.GetRequiredService<MoiAimerToi.Web.Memories.MemoryService>()
            .CreateAsync(new MoiAimerToi.Web.Memories.MemoryInput("En tête", "", null), new MemoryStream(TestImages.Jpeg(320, 240)), null)).Value!);
        var client = factory.CreateClient();

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/uploads/" + memory.PhotoFileName));
        var get = await client.GetAsync("/uploads/" + memory.PhotoFileName);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/jpeg", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/uploads/" + MoiAimerToi.Web.Photos.PhotoNames.NewFullName()))).StatusCode);
    }
}
