using MoiAimerToi.Tests.Storage;
using MoiAimerToi.Web.Photos;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Tests.Photos;

/// <summary>The photos' files, the same cases in the data folder and in a bucket.</summary>
public sealed class PhotoFilesTests : IDisposable
{
    private PipelineHarness _harness = new(new PhotoOptions { MaxConcurrency = 2 });

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData(Stores.Folder)]
    [BucketData]
    public async Task Deleting_A_Photo_Leaves_No_File(string store)
    {
        await InAsync(store);
        var kept = await _harness.StoreAsync(TestImages.Jpeg(64, 48));
        var photo = await _harness.StoreAsync(TestImages.Jpeg(64, 48));
        await _harness.PutAsync(photo.LargeFileName + ".tmp", [1]);

        await _harness.Pipeline.DeleteAsync(photo);

        Assert.Equal(kept.AllFileNames.Order(), _harness.UploadedNames());
    }

    [Theory]
    [InlineData("../moi_aimer_toi.db")]
    [InlineData("beach.jpg")]
    [InlineData("")]
    public async Task Deleting_By_A_Name_We_Never_Generate_Touches_Nothing(string name)
    {
        var photo = await _harness.StoreAsync(TestImages.Jpeg(64, 48));
        File.WriteAllBytes(_harness.Paths.Database, [1]);
        await _harness.PutAsync("beach.jpg", [1]);

        await _harness.Pipeline.DeleteFilesAsync(name);

        Assert.Equal(photo.AllFileNames.Append("beach.jpg").Order(), _harness.UploadedNames());
        Assert.True(File.Exists(_harness.Paths.Database));
    }

    [Theory]
    [InlineData(Stores.Folder)]
    [BucketData]
    public async Task Sweeping_Removes_Old_Unreferenced_And_Temporary_Files_And_Keeps_Referenced_And_Foreign_Ones(string store)
    {
        await InAsync(store);
        var referenced = await _harness.StoreAsync(TestImages.Jpeg(64, 48));
        var orphan = await _harness.StoreAsync(TestImages.Jpeg(64, 48));
        var stray = PhotoNames.NewFullName() + PhotoNames.TemporarySuffix;
        await _harness.PutAsync(stray, [1]);
        await _harness.PutAsync("old photo from the first site.jpg", [1]);
        var references = new HashSet<string> { referenced.FileName };

        Assert.Equal(0, await _harness.Pipeline.SweepOrphansAsync(references));
        _harness.Clock.Set(DateTimeOffset.UtcNow + PhotoPipeline.OrphanGrace + BucketFileStore.Margin + TimeSpan.FromMinutes(1));
        var swept = await _harness.Pipeline.SweepOrphansAsync(references);

        Assert.Equal(4, swept);
        Assert.Equal(referenced.AllFileNames.Append("old photo from the first site.jpg").Order(), _harness.UploadedNames());
        Assert.DoesNotContain(orphan.FileName, _harness.UploadedNames());
    }

    [Theory]
    [InlineData(Stores.Folder)]
    [BucketData]
    public async Task A_Stored_File_Is_Found_With_Its_Content_Type(string store)
    {
        await InAsync(store);
        var photo = await _harness.StoreAsync(TestImages.Jpeg(64, 48));

        var full = await _harness.Files.FindAsync(photo.FileName, CancellationToken.None);
        var thumbnail = await _harness.Files.FindAsync(photo.ThumbnailFileName, CancellationToken.None);

        Assert.Equal((photo.FileName, "image/jpeg"), (full?.File.Name, full?.ContentType));
        Assert.Equal(_harness.Bytes(photo.FileName).Length, full?.File.Length);
        Assert.Equal("image/webp", thumbnail?.ContentType);
    }

    [Theory]
    [InlineData("../moi_aimer_toi.db")]
    [InlineData("..%2Fmoi_aimer_toi.db")]
    [InlineData("/etc/passwd")]
    [InlineData("beach.jpg")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF.jpg")]
    [InlineData("0123456789abcdef0123456789abcdef.jpg/")]
    [InlineData("0123456789abcdef0123456789abcdef.png")]
    [InlineData("0123456789abcdef0123456789abcdef-64.webp")]
    [InlineData("0123456789abcdef0123456789abcdef.jpg\n")]
    [InlineData("")]
    public async Task Names_We_Never_Generate_Are_Not_Found(string name)
    {
        await _harness.PutAsync("beach.jpg", [1]);

        Assert.Null(await _harness.Files.FindAsync(name, CancellationToken.None));
    }

    [Theory]
    [InlineData(Stores.Folder)]
    [BucketData]
    public async Task Temporary_And_Missing_Files_Are_Not_Found(string store)
    {
        await InAsync(store);
        var photo = await _harness.StoreAsync(TestImages.Jpeg(64, 48));
        await _harness.PutAsync(photo.LargeFileName + ".tmp", [1]);

        Assert.Null(await _harness.Files.FindAsync(photo.LargeFileName + ".tmp", CancellationToken.None));
        Assert.Null(await _harness.Files.FindAsync(PhotoNames.NewFullName(), CancellationToken.None));
    }

    [Theory]
    [InlineData(Stores.Folder)]
    [BucketData]
    public async Task Eight_Simultaneous_Uploads_All_Succeed_With_At_Most_Two_Decoded_At_Once(string store)
    {
        await InAsync(store);
        var uploads = Enumerable.Range(0, 8).Select(_ => TestImages.Jpeg(1600, 1200)).ToArray();

        var photos = await Task.WhenAll(uploads.Select(bytes => Task.Run(() => _harness.StoreAsync(bytes))));

        Assert.Equal(8, photos.Select(photo => photo.FileName).Distinct().Count());
        Assert.Equal(24, _harness.UploadedNames().Length);
        Assert.InRange(_harness.Pipeline.PeakInFlight, 1, 2);
    }

    /// <summary>The harness, with its files in the store named.</summary>
    private async Task InAsync(string store)
    {
        _harness.Dispose();
        _harness = new PipelineHarness(new PhotoOptions { MaxConcurrency = 2 }, await Stores.OfKindAsync(store));
    }
}
