using System.Net;
using System.Net.Http.Json;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Tests.Transfer;

namespace MoiAimerToi.Tests.Api;

public class TransferApiTests(SiteWithContent factory) : IClassFixture<SiteWithContent>
{
    private static byte[] SmallExport() => Zips.Build(
        ("data.json", Zips.Text(HostileArchiveTests.Data(HostileArchiveTests.Memory("Importé", "photos/a.jpg")))),
        ("photos/a.jpg", TestImages.Jpeg(64, 48)));

    [Fact]
    public async Task Export_And_Import_Answer_401_Without_Credentials_And_Change_Nothing()
    {
        await factory.SeededAsync();
        var before = await SiteState.SnapshotAsync(factory);
        var anonymous = factory.CreateApiClient();

        await (await anonymous.GetAsync("/api/export")).ErrorAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsync("/api/import", Zips.ImportForm(SmallExport()))).ErrorAsync(HttpStatusCode.Unauthorized);
        await (await factory.CreateApiClient(token: "not-a-token").GetAsync("/api/export")).ErrorAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(before, await SiteState.SnapshotAsync(factory));
    }

    [Fact]
    public async Task The_Sites_Login_Cookie_Does_Not_Open_The_Api()
    {
        var browser = await factory.SignedInBrowserAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsync("/api/import", Zips.ImportForm(SmallExport()))).StatusCode);
    }

    [Fact]
    public async Task A_Token_From_The_Login_Exports()
    {
        var client = await factory.CreateTokenClientAsync();

        var response = await client.GetAsync("/api/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("data.json", Zips.EntryNames(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Visitors_See_The_Imported_Content_At_Once()
    {
        using var site = new AppFactory();
        var visitor = site.CreateApiClient();
        Assert.Equal(0, (await (await visitor.GetAsync("/api/memories")).JsonAsync()).GetArrayLength());

        var imported = await site.CreateKeyClient().PostAsync("/api/import", Zips.ImportForm(SmallExport()));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var memories = await (await visitor.GetAsync("/api/memories")).JsonAsync();
        Assert.Equal("Importé", Assert.Single(memories.EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Import_Wants_A_Multipart_File()
    {
        var client = factory.CreateKeyClient();

        await (await client.PostAsJsonAsync("/api/import", new { file = "site.zip" })).ErrorAsync(HttpStatusCode.UnsupportedMediaType);
        var error = await (await client.PostAsync("/api/import", Zips.ImportForm(SmallExport(), field: "zip"))).ErrorAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'file'", error);
    }

    [Fact]
    public async Task The_Old_Sites_Zip_Is_Imported_Through_The_Api_With_Its_Report()
    {
        using var old = new LegacySite();
        using var site = new AppFactory();

        var response = await site.CreateKeyClient().PostAsync("/api/import", Zips.ImportForm(old.Zip()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.JsonAsync();
        Assert.Equal((7, 3), (summary.GetProperty("memories").GetInt32(), summary.GetProperty("photos").GetInt32()));
        var skipped = summary.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("reason").GetString()!).ToList();
        Assert.Equal(3, skipped.Count);
        Assert.Contains(skipped, r => r.Contains("photo not found (/uploads/perdue.jpg)"));
        Assert.Empty(Directory.GetFiles(Path.Combine(site.DataDirectory, "tmp")));
    }
}

public sealed class SmallImportLimit : AppFactory
{
    public SmallImportLimit() => Settings["Transfer:MaxImportBytes"] = "30000";
}

public class ImportLimitApiTests(SmallImportLimit factory) : IClassFixture<SmallImportLimit>
{
    /// <param name="padding">Past the request limit (refused before reading), or only past the ZIP's own limit (refused after).</param>
    [Theory]
    [InlineData(200_000)]
    [InlineData(50_000)]
    public async Task A_Zip_Over_The_Import_Limit_Answers_413_And_Changes_Nothing(int padding)
    {
        var before = await SiteState.SnapshotAsync(factory);
        var zip = Zips.Build(System.IO.Compression.CompressionLevel.NoCompression,
            ("data.json", Zips.Text(HostileArchiveTests.Data())), ("padding.bin", new byte[padding]));

        var response = await factory.CreateKeyClient().PostAsync("/api/import", Zips.ImportForm(zip));

        await response.ErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await SiteState.SnapshotAsync(factory));
    }
}

/// <summary>The API's ordinary limit is far below the ZIP: only the import route may read more.</summary>
public sealed class SmallApiBodyLimit : AppFactory
{
    public SmallApiBodyLimit() => Settings["Api:MaxRequestBodySize"] = "10000";
}

public class ImportBodyLimitApiTests(SmallApiBodyLimit factory) : IClassFixture<SmallApiBodyLimit>
{
    [Fact]
    public async Task Import_Reads_Past_The_Api_Limit_That_Other_Routes_Keep()
    {
        var zip = Zips.Build(
            ("data.json", Zips.Text(HostileArchiveTests.Data(HostileArchiveTests.Memory("Grande", "photos/a.jpg")))),
            ("photos/a.jpg", TestImages.Jpeg(900, 700)));
        Assert.True(zip.Length > 20_000);
        var client = factory.CreateKeyClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/import", Zips.ImportForm(zip))).StatusCode);
        using var photo = MemoryPhotosApiTests.PhotoForm(TestImages.Jpeg(900, 700));
        await (await client.PutAsync("/api/memories/1", photo)).ErrorAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
