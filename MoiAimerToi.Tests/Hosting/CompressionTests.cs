using System.IO.Compression;
using System.Net.Http.Json;
using System.Net;
using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Hosting;

/// <summary>Over HTTPS, as behind a TLS proxy (docs/security.md, "Compression").</summary>
public class CompressionTests(ProductionAppFactory factory) : IClassFixture<ProductionAppFactory>
{
    [Theory]
    [InlineData("/", "br")]
    [InlineData("/memories", "gzip")]
    [InlineData("/api/memories", "br")]
    [InlineData("/api/couple-data", "gzip")]
    public async Task Pages_And_Json_Without_A_Secret_Are_Compressed(string url, string encoding)
    {
        var response = await GetAsync(factory.CreateBrowser(), url, $"{encoding}, identity");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.NotEmpty(await DecompressAsync(response, encoding));
    }

    [Fact]
    public async Task A_Cached_Page_Is_Kept_Once_Per_Encoding()
    {
        var client = factory.CreateBrowser();
        foreach (var round in new[] { "first", "from the cache" })
        {
            var brotli = await GetAsync(client, "/story", "br");
            var gzip = await GetAsync(client, "/story", "gzip");
            var plain = await GetAsync(client, "/story", "identity");

            Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
            Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            var text = await plain.Content.ReadAsStringAsync();
            Assert.Equal(text, await DecompressAsync(brotli, "br"));
            Assert.Equal(text, await DecompressAsync(gzip, "gzip"));
            Assert.Equal(round == "from the cache", plain.Headers.Age is not null);
        }
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/login?ReturnUrl=%2Fmemories%3Fq%3Dguess")]
    public async Task The_Sign_In_Form_Carrying_Its_Antiforgery_Token_Is_Never_Compressed(string url)
    {
        var response = await GetAsync(factory.CreateBrowser(), url, "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_Page_Rendered_For_Someone_Signed_In_Is_Never_Compressed()
    {
        var couple = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await couple.SignInAsync(ProductionAppFactory.AdminUser, ProductionAppFactory.AdminPassword)).StatusCode);

        var response = await GetAsync(couple, "/memories?q=guess", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task An_Api_Token_Is_Never_Compressed()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { username = ProductionAppFactory.AdminUser, password = ProductionAppFactory.AdminPassword }),
        };
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");

        var response = await factory.CreateBrowser().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return client.SendAsync(request);
    }

    private static async Task<string> DecompressAsync(HttpResponseMessage response, string encoding)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decompressed = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(decompressed);
        return await reader.ReadToEndAsync();
    }
}
