using System.Net;
using System.Net.Http.Json;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;

namespace MoiAimerToi.Tests;

/// <summary>
/// Two site processes on one PostgreSQL database and one bucket, each with a data directory of its own, as on a
/// platform whose disks do not last: a photo uploaded through one is served by the other, and deleted from both.
/// </summary>
public sealed class BucketInstancesTests : IAsyncLifetime
{
    private readonly string _firstData = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", "bucket-one-" + Guid.NewGuid().ToString("N"));
    private readonly string _secondData = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", "bucket-two-" + Guid.NewGuid().ToString("N"));
    private ServerProcess? _first;
    private ServerProcess? _second;

    public async Task InitializeAsync()
    {
        if (!S3Server.Installed && !Browser.BrowserApp.OnCi)
        {
            return; // The test says why it is skipped.
        }

        var environment = (await (await S3Server.SharedAsync()).NewBucketAsync()).ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!);
        environment["ConnectionStrings__Postgres"] = PostgresServer.Shared.DatabaseFor(_firstData);
        _first = await ServerProcess.StartAsync(_firstData, environment);
        _second = await ServerProcess.StartAsync(_secondData, environment);
    }

    [S3Fact]
    public async Task A_Photo_Uploaded_Through_One_Is_Served_By_The_Other_And_Deleted_From_Both()
    {
        using var firstApi = await _first!.CreateApiClientAsync();
        using var secondApi = await _second!.CreateApiClientAsync();
        var created = await firstApi.PostAsJsonAsync("/api/memories", new { title = "Un seau pour deux" });
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        using var form = MemoryPhotosApiTests.PhotoForm(TestImages.Jpeg(900, 600));
        var url = (await (await firstApi.PutAsync($"/api/memories/{id}", form)).JsonAsync()).GetProperty("photo_url").GetString();

        using var first = _first.CreateClient();
        using var second = _second.CreateClient();
        var fromFirst = await first.GetAsync(url);
        var fromSecond = await second.GetAsync(url);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (fromFirst.StatusCode, fromSecond.StatusCode));
        Assert.Equal(await fromFirst.Content.ReadAsByteArrayAsync(), await fromSecond.Content.ReadAsByteArrayAsync());
        Assert.All(new[] { _firstData, _secondData }, data => Assert.Empty(Directory.GetFiles(Path.Combine(data, "uploads"))));

        Assert.Equal(HttpStatusCode.OK, (await secondApi.DeleteAsync($"/api/memories/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync(url)).StatusCode);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { _first, _second }.OfType<ServerProcess>())
        {
            await server.DisposeAsync();
        }

        foreach (var data in new[] { _firstData, _secondData })
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }
}
