using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Hosting;

public class StaticAssetsTests(ProductionAppFactory factory) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task Every_File_A_Page_Links_Has_Its_Contents_Fingerprint_In_Its_Address_And_Is_Kept_For_A_Year()
    {
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/");
        var files = page.QuerySelectorAll("link[href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();
        Assert.Contains(files, file => file.StartsWith("/lib/htmx/", StringComparison.Ordinal));
        Assert.Contains(files, file => file.StartsWith("/js/htmx-antiforgery.", StringComparison.Ordinal));

        foreach (var file in files)
        {
            var response = await client.GetAsync(file);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            // The name carries the content's fingerprint (the SDK's rule: SHA-256, its first 9 bytes in base 36),
            // so a file whose content changes gets a new address, and an address never means two contents.
            Assert.Contains($".{Fingerprint(bytes)}.", file);
            Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task The_Same_File_By_Its_Plain_Name_Is_Checked_Again_On_Each_Use()
    {
        var response = await factory.CreateBrowser().GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_Antiforgery_Script_Is_A_File_And_The_Old_Dynamic_Address_Is_Gone()
    {
        var client = factory.CreateBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/_htmx/antiforgery.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/js/htmx-antiforgery.js")).StatusCode);
    }

    private static string Fingerprint(byte[] content)
    {
        var hash = SHA256.HashData(content);
        var value = BigInteger.Abs(new BigInteger(hash.AsSpan(0, 9)));
        var digits = new char[10];
        for (var i = 0; i < digits.Length; i++)
        {
            value = BigInteger.DivRem(value, 36, out var remainder);
            digits[i] = "0123456789abcdefghijklmnopqrstuvwxyz"[(int)remainder];
        }

        return new string(digits);
    }
}
