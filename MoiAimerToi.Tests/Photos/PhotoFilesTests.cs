using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Tests.Photos;

public sealed class PhotoFilesTests : IDisposable
{
    private readonly PipelineHarness _harness = new(new PhotoOptions { MaxConcurrency = 2 });

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Deleting_A_Photo_Leaves_No_File()
    {
        var kept = await _harness.StoreAsync(TestImages.Jpeg(64, 48));
        var photo = await _harness.StoreAsync(TestImages.Jpeg(64, 48));
        File.WriteAllBytes(Path.Combine(_harness.Paths.Uploads, photo.LargeFileName + ".tmp"), [1]);

        _harness.Pipeline.Delete(photo);

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
        File.WriteAllBytes(Path.Combine(_harness.Paths.Uploads, "beach.jpg"), [1]);

        _harness.Pipeline.DeleteFiles(name);

        Assert.Equal(photo.AllFileNames.Append("beach.jpg").Order(), _harness.UploadedNames());
        Assert.True(File.Exists(_harness.Paths.Database));
    }

    [Fact]
    public async Task Sweeping_Removes_Old_Unreferenced_And_Temporary_Files_And_Keeps_Referenced_And_Foreign_Ones()
    {
        var referenced = await _harness.StoreAsync(TestImages.Jpeg(64, 48));
        var orphan = await _harness.StoreAsync(TestImages.Jpeg(64, 48));
        var stray = PhotoNames.NewFullName() + PhotoNames.TemporarySuffix;
        File.WriteAllBytes(Path.Combine(_harness.Paths.Uploads, stray), [1]);
        File.WriteAllBytes(Path.Combine(_harness.Paths.Uploads, "old photo from the first site.jpg"), [1]);
        var references = new HashSet<string> { referenced.FileName };

        Assert.Equal(0, _harness.Pipeline.SweepOrphans(references));
        _harness.Clock.Set(DateTimeOffset.UtcNow + PhotoPipeline.OrphanGrace + TimeSpan.FromMinutes(1));
        var swept = _harness.Pipeline.SweepOrphans(references);

        Assert.Equal(4, swept);
        Assert.Equal(referenced.AllFileNames.Append("old photo from the first site.jpg").Order(), _harness.UploadedNames());
        Assert.DoesNotContain(orphan.FileName, _harness.UploadedNames());
    }

    [Fact]
    public async Task A_Stored_File_Is_Found_With_Its_Content_Type()
    {
        var photo = await _harness.StoreAsync(TestImages.Jpeg(64, 48));

        var full = _harness.Files.Find(photo.FileName);
        var thumbnail = _harness.Files.Find(photo.ThumbnailFileName);

        Assert.Equal((Path.Combine(_harness.Paths.Uploads, photo.FileName), "image/jpeg"), (full?.Path, full?.ContentType));
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
    public void Names_We_Never_Generate_Are_Not_Found(string name)
    {
        File.WriteAllBytes(Path.Combine(_harness.Paths.Uploads, "beach.jpg"), [1]);

        Assert.Null(_harness.Files.Find(name));
    }

    [Fact]
    public async Task Temporary_And_Missing_Files_Are_Not_Found()
    {
        var photo = await _harness.StoreAsync(TestImages.Jpeg(64, 48));
        File.WriteAllBytes(Path.Combine(_harness.Paths.Uploads, photo.LargeFileName + ".tmp"), [1]);

        Assert.Null(_harness.Files.Find(photo.LargeFileName + ".tmp"));
        Assert.Null(_harness.Files.Find(PhotoNames.NewFullName()));
    }

    [Fact]
    public async Task Eight_Simultaneous_Uploads_All_Succeed_With_At_Most_Two_Decoded_At_Once()
    {
        var uploads = Enumerable.Range(0, 8).Select(_ => TestImages.Jpeg(1600, 1200)).ToArray();

        var photos = await Task.WhenAll(uploads.Select(bytes => Task.Run(() => _harness.StoreAsync(bytes))));

        Assert.Equal(8, photos.Select(photo => photo.FileName).Distinct().Count());
        Assert.Equal(24, _harness.UploadedNames().Length);
        Assert.InRange(_harness.Pipeline.PeakInFlight, 1, 2);
    }
}
