using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Tests.Storage;

/// <summary>A site whose photos, videos and originals are in a bucket (<c>Storage:Files=s3</c>, s3rver).</summary>
public sealed class BucketSiteTests
{
    [S3Fact]
    public async Task A_Photo_Goes_To_The_Bucket_And_Is_Served_From_It_With_Its_Rules_Ranges_And_ETag()
    {
        await using var site = await SiteAsync();
        var (id, memory) = await CreateWithPhotoAsync(site, TestImages.Jpeg(1200, 900));
        var url = memory.GetProperty("photo_url").GetString()!;

        Assert.Empty(Directory.GetFiles(Path.Combine(site.DataDirectory, "uploads")));
        Assert.Empty(Directory.GetFiles(Path.Combine(site.DataDirectory, "originals")));
        var uploads = await NamesAsync(site, FileArea.Uploads);
        Assert.Equal(3, uploads.Count);
        Assert.Contains(Path.GetFileName(url), uploads);
        Assert.Single(await NamesAsync(site, FileArea.Originals));

        var client = site.CreateClient();
        var whole = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await BucketBytesAsync(site, FileArea.Uploads, Path.GetFileName(url)));

        using var range = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(100, 199) } };
        var part = await client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[100..200], await part.Content.ReadAsByteArrayAsync());

        using var again = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfNoneMatch = { whole.Headers.ETag! } } };
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        // The original, exactly as uploaded, to the key; nothing of the bucket is public.
        var mediumId = memory.GetProperty("media")[0].GetProperty("id").GetInt32();
        var original = await site.CreateKeyClient().GetAsync($"/api/memories/{id}/media/{mediumId}/original");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(_uploaded, await original.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(site.Logs.Lines, line => line.Contains("S3RVER"));

        // Its own time, not the sweep's margin; and a bucket with files in it answers /readyz.
        Assert.InRange(whole.Content.Headers.LastModified!.Value, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddSeconds(5));
        var ready = JsonDocument.Parse(await client.GetStringAsync("/readyz")).RootElement;
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("files").GetProperty("status").GetString());
    }

    [S3Fact]
    public async Task A_Just_Us_Memory_S_Photo_Is_Not_Served_To_A_Visitor_From_The_Bucket()
    {
        await using var site = await SiteAsync();
        var (id, memory) = await CreateWithPhotoAsync(site, TestImages.Jpeg(400, 300));
        var url = memory.GetProperty("photo_url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync(url)).StatusCode);

        var hidden = await site.CreateKeyClient().SendAsync(HttpMethod.Put, $"/api/memories/{id}", new { just_us = true });
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync(url)).StatusCode);
        Assert.Contains(Path.GetFileName(url), await NamesAsync(site, FileArea.Uploads));
    }

    [S3Fact]
    public async Task Deleting_A_Memory_Deletes_Its_Objects_And_The_Sweep_Deletes_Orphans_From_The_Listing()
    {
        await using var site = await SiteAsync();
        var (kept, _) = await CreateWithPhotoAsync(site, TestImages.Jpeg(300, 200));
        var keptNames = await NamesAsync(site, FileArea.Uploads);
        var (deleted, _) = await CreateWithPhotoAsync(site, TestImages.Jpeg(300, 200));

        Assert.Equal(HttpStatusCode.OK, (await site.CreateKeyClient().DeleteAsync($"/api/memories/{deleted}")).StatusCode);

        Assert.Equal(keptNames, await NamesAsync(site, FileArea.Uploads));
        Assert.Single(await NamesAsync(site, FileArea.Originals));

        // An orphan: a photo's files no row names (a crash between the store and the row), and an original.
        var store = site.Service<IFileStore>();
        var orphan = Web.Photos.PhotoNames.NewFullName();
        await PutAsync(site, FileArea.Uploads, orphan, [1, 2, 3]);
        await PutAsync(site, FileArea.Originals, "0123456789abcdef0123456789abcdef.heic", [4]);
        await PutAsync(site, FileArea.Uploads, "not ours.jpg", [5]);

        // As a sweep would after a start a minute "later" than the bucket's clock: objects just put are not old ones.
        Assert.Equal(0, await site.InScopeAsync(sp => sp.GetRequiredService<MemoryPhotos>().SweepOrphansAsync(sp.GetRequiredService<AppDbContext>(), DateTime.UtcNow.AddMinutes(1))));
        var swept = await site.InScopeAsync(sp => sp.GetRequiredService<MemoryPhotos>().SweepOrphansAsync(sp.GetRequiredService<AppDbContext>(), DateTime.UtcNow + BucketFileStore.Margin + TimeSpan.FromMinutes(1)));

        Assert.Equal(2, swept);
        Assert.Equal(keptNames.Append("not ours.jpg").Order(), await NamesAsync(site, FileArea.Uploads));
        Assert.Single(await NamesAsync(site, FileArea.Originals));
        Assert.NotNull(await store.FindAsync(FileArea.Uploads, "not ours.jpg", CancellationToken.None));
        Assert.NotEqual(0, kept);
    }

    [S3Fact]
    public async Task The_Export_Has_The_Photos_From_The_Bucket()
    {
        await using var site = await SiteAsync();
        await CreateWithPhotoAsync(site, TestImages.Jpeg(500, 400));

        var export = await site.CreateKeyClient().GetAsync("/api/export");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        var photo = Assert.Single(zip.Entries, e => e.FullName.EndsWith(".jpg", StringComparison.Ordinal));
        await using var entry = await photo.OpenAsync();
        using var read = new MemoryStream();
        await entry.CopyToAsync(read);
        Assert.Equal(_uploaded, read.ToArray());
    }

    [S3Fact]
    public async Task A_Bucket_That_Stops_Answering_Gets_A_Clear_Error_For_An_Upload_And_503_For_Its_Files_And_No_Row_Points_To_A_Missing_Object()
    {
        await using var s3 = await S3Server.StartAsync();
        var settings = await s3.NewBucketAsync();
        await using var site = await SiteAsync(settings);
        var id = await CreateAsync(site, "Sans le seau");
        var (withPhoto, memoryWithPhoto) = await CreateWithPhotoAsync(site, TestImages.Jpeg(640, 480));

        await s3.DisposeAsync();
        using var form = MemoryPhotosApiTests.PhotoForm(TestImages.Jpeg(800, 600));
        var response = await site.CreateKeyClient().PutAsync($"/api/memories/{id}", form);
        using var added = MemoryPhotosApiTests.PhotoForm(TestImages.Jpeg(800, 600));
        var medium = await site.CreateKeyClient().PostAsync($"/api/memories/{id}/media", Renamed(added));

        foreach (var refused in new[] { response, medium })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("nothing was saved", body);
            Assert.DoesNotContain("S3RVER", body);
        }

        var memory = await site.InScopeAsync(sp => sp.GetRequiredService<MemoryService>().FindAsync(id));
        Assert.Null(memory!.PhotoFileName);
        Assert.Empty(memory.Media);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(site.DataDirectory, "tmp")), f => Path.GetFileName(f).StartsWith(StoredFiles.ScratchPrefix));

        // What is in the bucket is not missing while it is down, nor the site broken: 503, to try again.
        var photo = await site.CreateClient().GetAsync(memoryWithPhoto.GetProperty("photo_url").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, photo.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), photo.Headers.RetryAfter?.Delta);
        var mediumId = memoryWithPhoto.GetProperty("media")[0].GetProperty("id").GetInt32();
        var original = await site.CreateKeyClient().GetAsync($"/api/memories/{withPhoto}/media/{mediumId}/original");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, original.StatusCode);
        Assert.Contains("file store does not answer", await original.Content.ReadAsStringAsync());
        Assert.Contains(site.Logs.Lines, line => line.Contains("answered 503"));

        var ready = await site.CreateClient().GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("files").GetProperty("status").GetString());
        Assert.DoesNotContain(settings["S3:Bucket"]!, checks.GetRawText());
        Assert.DoesNotContain(site.Logs.Lines, line => line.Contains("S3RVER"));
    }

    [Theory]
    [InlineData("s3", null, "S3_BUCKET")]
    [InlineData("nfs", "photos", "Storage:Files must be 'folder'")]
    public async Task A_Start_With_Files_In_A_Bucket_Misconfigured_Is_Refused_Saying_Why(string files, string? bucket, string expected)
    {
        await using var site = new AppFactory { Settings = { ["Storage:Files"] = files, ["S3:Bucket"] = bucket, ["S3:AccessKeyId"] = "k", ["S3:SecretAccessKey"] = "s" } };

        var refused = Assert.Throws<OptionsValidationException>(() => site.Services);

        Assert.Contains(expected, refused.Message);
    }

    /// <summary>The last photo uploaded, as sent.</summary>
    private byte[] _uploaded = [];

    private static async Task<AppFactory> SiteAsync(Dictionary<string, string?>? settings = null)
    {
        settings ??= await (await S3Server.SharedAsync()).NewBucketAsync();
        var site = new AppFactory();
        foreach (var (key, value) in settings)
        {
            site.Settings[key] = value;
        }

        return site;
    }

    private static async Task<int> CreateAsync(AppFactory site, string title)
    {
        var response = await site.CreateKeyClient().SendAsync(HttpMethod.Post, "/api/memories", new { title });
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    private async Task<(int Id, JsonElement Memory)> CreateWithPhotoAsync(AppFactory site, byte[] photo)
    {
        var id = await CreateAsync(site, "Dans le seau");
        using var form = MemoryPhotosApiTests.PhotoForm(photo);
        var response = await site.CreateKeyClient().PutAsync($"/api/memories/{id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _uploaded = photo;
        return (id, await response.JsonAsync());
    }

    private static MultipartFormDataContent Renamed(MultipartFormDataContent form)
    {
        var file = form.Single();
        file.Headers.ContentDisposition!.Name = "file";
        return form;
    }

    private static async Task<List<string>> NamesAsync(AppFactory site, FileArea area) =>
        (await site.Service<IFileStore>().ListAsync(area, CancellationToken.None).ToListAsync()).Select(f => f.Name).Order().ToList();

    private static async Task<byte[]> BucketBytesAsync(AppFactory site, FileArea area, string name)
    {
        var store = site.Service<IFileStore>();
        using var local = await store.GetLocalAsync(area, (await store.FindAsync(area, name, CancellationToken.None))!, CancellationToken.None);
        return await File.ReadAllBytesAsync(local.Path);
    }

    private static async Task PutAsync(AppFactory site, FileArea area, string name, byte[] bytes)
    {
        var scratch = StoredFiles.NewScratchFile(site.Service<DataPaths>());
        await File.WriteAllBytesAsync(scratch, bytes);
        await site.Service<IFileStore>().PutAsync(area, name, scratch, CancellationToken.None);
    }
}
