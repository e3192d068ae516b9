using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Tests.Storage;

/// <summary>What every store of photos and videos does, the same cases for the data folder and a bucket (s3rver).</summary>
public sealed class FileStoreTests : IDisposable
{
    private PipelineHarness _harness = new();

    private IFileStore Store => _harness.Store;

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData(Stores.Folder)]
    [BucketData]
    public async Task A_File_Put_Is_Found_Read_Whole_And_By_Ranges_And_Its_Scratch_File_Is_Gone(string store)
    {
        await InAsync(store);
        // Longer than the bucket's read window, so a read crosses from one ranged GET to the next.
        var bytes = RandomNumberGenerator.GetBytes((int)BucketObjectStream.Window + 123_457);
        var scratch = await ScratchAsync(bytes);

        await Store.PutAsync(FileArea.Originals, "0123456789abcdef0123456789abcdef.mov", scratch, CancellationToken.None);

        Assert.False(File.Exists(scratch));
        var file = await Store.FindAsync(FileArea.Originals, "0123456789abcdef0123456789abcdef.mov", CancellationToken.None);
        Assert.Equal(("0123456789abcdef0123456789abcdef.mov", bytes.LongLength), (file?.Name, file?.Length));
        Assert.Null(await Store.FindAsync(FileArea.Uploads, "0123456789abcdef0123456789abcdef.mov", CancellationToken.None));

        await using var stream = await Store.OpenReadAsync(FileArea.Originals, file!, CancellationToken.None);
        Assert.True(stream.CanSeek);
        Assert.Equal(bytes.LongLength, stream.Length);
        Assert.Equal(bytes, await ReadAsync(stream, bytes.Length));
        stream.Position = BucketObjectStream.Window - 10;
        Assert.Equal(bytes[(int)(BucketObjectStream.Window - 10)..(int)(BucketObjectStream.Window + 20)], await ReadAsync(stream, 30));
        stream.Seek(-5, SeekOrigin.End);
        Assert.Equal(bytes[^5..], await ReadAsync(stream, 100));
        stream.Position = 3;
        Assert.Equal(bytes[3..7], await ReadAsync(stream, 4));

        using var local = await Store.GetLocalAsync(FileArea.Originals, file!, CancellationToken.None);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(local.Path));
    }

    [Theory]
    [InlineData(Stores.Folder)]
    [BucketData]
    public async Task A_Listing_Has_Each_File_Of_Its_Area_Once_With_Its_Size(string store)
    {
        await InAsync(store);
        await PutAsync(FileArea.Uploads, "a.jpg", [1, 2, 3]);
        await PutAsync(FileArea.Uploads, "b.webp", [4]);
        await PutAsync(FileArea.Originals, "c.mov", [5, 6]);

        var uploads = await Store.ListAsync(FileArea.Uploads, CancellationToken.None).ToListAsync();
        var originals = await Store.ListAsync(FileArea.Originals, CancellationToken.None).ToListAsync();

        Assert.Equal([("a.jpg", 3L), ("b.webp", 1L)], uploads.Select(f => (f.Name, f.Length)).Order());
        Assert.Equal([("c.mov", 2L)], originals.Select(f => (f.Name, f.Length)));
        Assert.All(uploads.Concat(originals), f => Assert.InRange(f.LastModifiedUtc, DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddMinutes(2)));
    }

    [Theory]
    [InlineData(Stores.Folder)]
    [BucketData]
    public async Task A_Deleted_File_Is_Gone_And_Deleting_A_Missing_One_Is_No_Error(string store)
    {
        await InAsync(store);
        await PutAsync(FileArea.Uploads, "a.jpg", [1]);
        var file = await Store.FindAsync(FileArea.Uploads, "a.jpg", CancellationToken.None);

        await Store.DeleteAsync(FileArea.Uploads, "a.jpg");
        await Store.DeleteAsync(FileArea.Uploads, "never there.jpg");

        Assert.Null(await Store.FindAsync(FileArea.Uploads, "a.jpg", CancellationToken.None));
        Assert.Empty(await Store.ListAsync(FileArea.Uploads, CancellationToken.None).ToListAsync());
        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.GetLocalAsync(FileArea.Uploads, file!, CancellationToken.None));
    }

    [Theory]
    [InlineData(Stores.Folder)]
    [BucketData]
    public async Task A_File_Moved_Aside_Leaves_The_Site_And_Is_Kept(string store)
    {
        await InAsync(store);
        await PutAsync(FileArea.Uploads, "a.jpg", [1, 2]);

        await Store.MoveAsideAsync(FileArea.Uploads, "a.jpg", "before-restore-1", CancellationToken.None);

        Assert.Empty(await Store.ListAsync(FileArea.Uploads, CancellationToken.None).ToListAsync());
        if (store == Stores.Folder)
        {
            Assert.Equal([1, 2], await File.ReadAllBytesAsync(Path.Combine(_harness.Paths.Root, "before-restore-1", "uploads", "a.jpg")));
        }
        else
        {
            var s3 = await S3Server.SharedAsync();
            using var client = S3Clients.Create(S3Server.Options(s3.Settings()));
            var bucket = ((BucketFileStore)Store).Name["s3://".Length..];
            using var kept = await client.GetObjectAsync(bucket, "before-restore-1/uploads/a.jpg");
            Assert.Equal(2, kept.ContentLength);
        }
    }

    [Theory]
    [InlineData(Stores.Folder)]
    [BucketData]
    public async Task The_Store_Answers(string store)
    {
        await InAsync(store);

        Assert.Null(await Store.ProblemAsync(CancellationToken.None));
    }

    [S3Fact]
    public async Task A_Bucket_That_Does_Not_Answer_Fails_A_Put_Clearly_Keeps_The_Local_File_And_Names_No_Secret()
    {
        var settings = (await S3Server.SharedAsync()).Settings();
        settings["S3:Endpoint"] = $"http://127.0.0.1:{ListeningProcess.FreePort()}";
        settings["S3:Bucket"] = "gone";
        settings["S3:SecretAccessKey"] = "a-secret-never-shown";
        using var harness = new PipelineHarness();
        using var store = new BucketFileStore(Options.Create(S3Server.Options(settings)), harness.Paths, NullLogger<BucketFileStore>.Instance);
        var scratch = StoredFiles.NewScratchFile(harness.Paths);
        await File.WriteAllBytesAsync(scratch, [1, 2, 3]);

        var failure = await Assert.ThrowsAsync<FileStoreUnavailableException>(() => store.PutAsync(FileArea.Uploads, "a.jpg", scratch, CancellationToken.None));

        Assert.True(File.Exists(scratch));
        Assert.Contains("s3://gone", failure.Message);
        Assert.DoesNotContain("a-secret-never-shown", failure.ToString());
        Assert.Equal("The bucket does not answer.", await store.ProblemAsync(CancellationToken.None));
        Assert.Null(await Record.ExceptionAsync(() => store.DeleteAsync(FileArea.Uploads, "a.jpg")));
    }

    [S3Fact]
    public async Task A_Bucket_That_Hangs_Is_Unavailable_Within_Its_Timeout_Not_A_Missing_File()
    {
        // Takes every connection and never answers.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<System.Net.Sockets.TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                held.Add(await silent.AcceptTcpClientAsync());
            }
        });
        var settings = (await S3Server.SharedAsync()).Settings();
        settings["S3:Endpoint"] = $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}";
        settings["S3:Bucket"] = "hung";
        var options = S3Server.Options(settings);
        options.TimeoutSeconds = 2;
        using var harness = new PipelineHarness();
        using var store = new BucketFileStore(Options.Create(options), harness.Paths, NullLogger<BucketFileStore>.Instance);
        var scratch = StoredFiles.NewScratchFile(harness.Paths);
        await File.WriteAllBytesAsync(scratch, [1, 2, 3]);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync<FileStoreUnavailableException>(() => store.PutAsync(FileArea.Uploads, "a.jpg", scratch, CancellationToken.None));
        await Assert.ThrowsAsync<FileStoreUnavailableException>(() => store.FindAsync(FileArea.Uploads, "a.jpg", CancellationToken.None));
        Assert.Equal("The bucket does not answer.", await store.ProblemAsync(CancellationToken.None));
        Assert.False(await store.DeleteAsync(FileArea.Uploads, "a.jpg"));

        Assert.True(File.Exists(scratch));
        // Bounded by the timeouts (2 s, a few tries each), not by the SDK's own minutes.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(90));
        held.ForEach(c => c.Dispose());
    }

    [S3Fact]
    public async Task A_Bucket_That_Is_Not_There_Is_Unavailable_Not_A_Missing_File()
    {
        var settings = (await S3Server.SharedAsync()).Settings();
        settings["S3:Bucket"] = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8];
        using var harness = new PipelineHarness();
        using var store = new BucketFileStore(Options.Create(S3Server.Options(settings)), harness.Paths, NullLogger<BucketFileStore>.Instance);

        await Assert.ThrowsAsync<FileStoreUnavailableException>(() => store.FindAsync(FileArea.Originals, "0123456789abcdef0123456789abcdef.mov", CancellationToken.None));
        Assert.Equal("The bucket does not answer.", await store.ProblemAsync(CancellationToken.None));
    }

    private async Task InAsync(string store)
    {
        _harness.Dispose();
        _harness = new PipelineHarness(store: await Stores.OfKindAsync(store));
    }

    private async Task<string> ScratchAsync(byte[] bytes)
    {
        var scratch = StoredFiles.NewScratchFile(_harness.Paths);
        await File.WriteAllBytesAsync(scratch, bytes);
        return scratch;
    }

    private async Task PutAsync(FileArea area, string name, byte[] bytes) =>
        await Store.PutAsync(area, name, await ScratchAsync(bytes), CancellationToken.None);

    private static async Task<byte[]> ReadAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        var read = 0;
        int last;
        while (read < count && (last = await stream.ReadAsync(buffer.AsMemory(read))) > 0)
        {
            read += last;
        }

        return buffer[..read];
    }
}
