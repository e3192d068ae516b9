using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Media;

namespace MoiAimerToi.Tests.Durability;

/// <summary>kill -9 during a batch of uploads and a transcode: no file without a row, no row without its files, and the video finished after the restart.</summary>
public sealed class MediaCrashTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", "media-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Killing_The_Server_During_Uploads_And_A_Transcode_Leaves_Every_Row_Whole_And_The_Video_Is_Finished_After_The_Restart()
    {
        // 10 s of HEVC at 640 × 360: long enough to transcode that the kill lands during it.
        var video = TestVideos.Make(".mov", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-t", "10",
            "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1");
        var photo = Photos.TestImages.Jpeg(1200, 900);
        var confirmed = new ConcurrentBag<int>();
        int memoryId;
        await using (var server = await ServerProcess.StartAsync(_data))
        {
            using var client = await server.CreateApiClientAsync();
            memoryId = (await (await client.PostAsJsonAsync("/api/memories", new { title = "Rafale" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var form = AlbumApiTests.FileForm(photo, "photo.jpg");
                        var response = await client.PostAsync($"/api/memories/{memoryId}/media", form, stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var media = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("media");
                            confirmed.Add(media.EnumerateArray().Max(m => m.GetProperty("id").GetInt32()));
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return;
                    }
                }
            })).ToList();

            while (confirmed.Count < 6)
            {
                await Task.Delay(20);
            }

            using (var form = AlbumApiTests.FileForm(video, "IMG_0100.MOV"))
            {
                Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/memories/{memoryId}/media", form)).StatusCode);
            }

            await Task.Delay(300);
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        // The kill landed while the video was being prepared (or before it began): its row still waits.
        Assert.Equal("Processing", await ScalarAsync("SELECT \"Status\" FROM \"MemoryMedia\" WHERE \"Kind\" = 'Video'"));

        await using var restarted = await ServerProcess.StartAsync(_data);
        using var reader = restarted.CreateClient();
        JsonElement memory = default;
        await Eventually.TrueAsync(async () =>
        {
            memory = JsonDocument.Parse(await reader.GetStringAsync($"/api/memories/{memoryId}")).RootElement;
            return memory.GetProperty("media").EnumerateArray().All(m => m.GetProperty("status").GetString() == "ready");
        }, "the video cut short is prepared after the restart", TimeSpan.FromSeconds(120));

        var media = memory.GetProperty("media").EnumerateArray().ToList();
        Assert.All(confirmed, id => Assert.Contains(media, m => m.GetProperty("id").GetInt32() == id));
        Assert.Single(media, m => m.GetProperty("kind").GetString() == "video");
        foreach (var medium in media)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(medium.GetProperty("url").GetString())).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(medium.GetProperty("thumbnail_url").GetString())).StatusCode);
        }

        // The start's sweep takes what the crash left: every stored file belongs to a row, no scratch remains.
        var (stored, originals) = await ReferencedAsync();
        await Eventually.TrueAsync(() => Task.FromResult(
            Directory.GetFiles(Path.Combine(_data, "uploads")).All(f => stored.Contains(Path.GetFileName(f)[..32]))
            && Directory.GetFiles(Path.Combine(_data, "originals")).All(f => originals.Contains(Path.GetFileName(f)))
            && Directory.GetFiles(Path.Combine(_data, "tmp")).Length == 0), "the sweep removed every file without a row", TimeSpan.FromSeconds(30));
        Assert.All(originals, name => Assert.True(File.Exists(Path.Combine(_data, "originals", name))));
    }

    private async Task<(HashSet<string> Stored, HashSet<string> Originals)> ReferencedAsync()
    {
        var (stored, originals) = (new HashSet<string>(), new HashSet<string>());
        foreach (var row in await TestDatabase.RowsAsync(_data, "SELECT \"FileName\", \"PosterFileName\", \"OriginalFileName\" FROM \"MemoryMedia\""))
        {
            foreach (var name in row[..2].OfType<string>())
            {
                stored.Add(name[..32]);
            }

            if (row[2] is string original)
            {
                originals.Add(original);
            }
        }

        return (stored, originals);
    }

    private async Task<string?> ScalarAsync(string sql) => (await TestDatabase.RowsAsync(_data, sql)).SingleOrDefault()?[0]?.ToString();


    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
