using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Durability;

/// <summary>The machine may crash at any moment: what the site confirmed must survive, and nothing may be left broken.</summary>
public sealed class CrashTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", "crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Killing_The_Server_During_A_Burst_Of_Writes_Loses_Nothing_Confirmed_And_Breaks_Nothing()
    {
        var confirmed = new ConcurrentBag<int>();
        await using (var server = await ServerProcess.StartAsync(_data))
        {
            using var client = await server.CreateApiClientAsync();
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        await BurstStepAsync(client, worker, i, confirmed, stop.Token);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return;
                    }
                }
            })).ToList();

            while (confirmed.Count < 20)
            {
                await Task.Delay(50);
            }

            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        await using var restarted = await ServerProcess.StartAsync(_data);
        using var reader = restarted.CreateClient();

        Assert.Equal("ok", await IntegrityCheckAsync());
        var memories = JsonDocument.Parse(await reader.GetStringAsync("/api/memories")).RootElement.EnumerateArray().ToList();
        var ids = memories.Select(m => m.GetProperty("id").GetInt32()).ToHashSet();
        Assert.All(confirmed, id => Assert.Contains(id, ids));
        Assert.Contains(memories, m => m.GetProperty("photo_url").ValueKind == JsonValueKind.String);
        foreach (var memory in memories.Where(m => m.GetProperty("photo_url").ValueKind == JsonValueKind.String))
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(memory.GetProperty("photo_url").GetString())).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(memory.GetProperty("thumbnail_url").GetString())).StatusCode);
        }

        var referenced = memories
            .Where(m => m.GetProperty("photo_url").ValueKind == JsonValueKind.String)
            .Select(m => Path.GetFileNameWithoutExtension(m.GetProperty("photo_url").GetString()!))
            .ToHashSet();
        var uploads = Path.Combine(_data, "uploads");
        var files = Directory.Exists(uploads) ? Directory.GetFiles(uploads).Select(Path.GetFileName).ToList() : [];
        Assert.All(files, file => Assert.Contains(file![..32], referenced));
    }

    private static readonly byte[] Photo = Photos.TestImages.Jpeg(400, 300);

    /// <summary>One round of what a busy couple does: a new memory, its photo, its text changed, the home message rewritten.</summary>
    private static async Task BurstStepAsync(HttpClient client, int worker, int i, ConcurrentBag<int> confirmed, CancellationToken cancellationToken)
    {
        var created = await client.PostAsJsonAsync("/api/memories", new { title = $"Souvenir {worker}-{i}", description = "Écrit pendant la rafale" }, cancellationToken);
        if (created.StatusCode == HttpStatusCode.Created)
        {
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetInt32();
            confirmed.Add(id);
            using var photo = Api.MemoryPhotosApiTests.PhotoForm(Photo);
            await client.PutAsync($"/api/memories/{id}", photo, cancellationToken);
            await client.PutAsJsonAsync($"/api/memories/{id}", new { description = $"Modifié {i}" }, cancellationToken);
        }

        await client.PutAsJsonAsync("/api/couple-data/home-message", new { home_message = $"Message {worker}-{i}" }, cancellationToken);
    }


    private Task<string?> IntegrityCheckAsync() => TestDatabase.IntegrityAsync(_data);

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
