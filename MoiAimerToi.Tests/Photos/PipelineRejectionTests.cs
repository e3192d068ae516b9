using System.Diagnostics;
using System.Text;
using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Tests.Photos;

public sealed class PipelineRejectionTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    public static TheoryData<string, PhotoRejection> Refused => new()
    {
        { "svg", PhotoRejection.NotAnImage },
        { "text named .jpg", PhotoRejection.NotAnImage },
        { "empty", PhotoRejection.NotAnImage },
        { "bmp", PhotoRejection.NotAnImage },
        { "tiff", PhotoRejection.NotAnImage },
        { "animated webp", PhotoRejection.NotAnImage },
        { "truncated jpeg", PhotoRejection.Corrupt },
        { "truncated png", PhotoRejection.Corrupt },
        { "png without its end", PhotoRejection.Corrupt },
        { "truncated webp", PhotoRejection.Corrupt },
        { "truncated gif", PhotoRejection.Corrupt },
        { "png claiming 30000×30000", PhotoRejection.TooManyPixels },
        { "jpeg claiming 60000×60000", PhotoRejection.TooManyPixels },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Refused_Uploads_Say_Why_And_Leave_No_File(string upload, PhotoRejection expected)
    {
        var bytes = upload switch
        {
            "svg" => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"),
            "text named .jpg" => Encoding.UTF8.GetBytes("Souvenir de la plage, 14 juillet.\n"),
            "empty" => [],
            "bmp" => TestImages.Bmp(32, 32),
            "tiff" => TestImages.Tiff(32, 32),
            "animated webp" => TestImages.AnimatedWebp(64, 48),
            "truncated jpeg" => TestImages.Truncated(TestImages.Jpeg(400, 300)),
            "truncated png" => TestImages.Truncated(TestImages.Png(400, 300)),
            "png without its end" => TestImages.Png(400, 300)[..^12],
            "truncated webp" => TestImages.Truncated(TestImages.Webp(400, 300)),
            "truncated gif" => TestImages.Truncated(TestImages.Gif(400, 300, frames: 1)),
            "png claiming 30000×30000" => TestImages.PngClaiming(30_000, 30_000),
            "jpeg claiming 60000×60000" => TestImages.JpegClaiming(60_000, 60_000),
            _ => throw new ArgumentOutOfRangeException(nameof(upload)),
        };

        var refusal = await Assert.ThrowsAsync<PhotoRejectedException>(() => _harness.StoreAsync(bytes));

        Assert.Equal(expected, refusal.Reason);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        Assert.Empty(_harness.UploadedNames());
    }

    [Fact]
    public async Task A_Huge_Declared_Size_Is_Refused_From_The_Header_Without_Decoding()
    {
        var bytes = TestImages.PngClaiming(30_000, 30_000);
        Assert.True(bytes.Length < 200);
        var clock = Stopwatch.StartNew();

        var refusal = await Assert.ThrowsAsync<PhotoRejectedException>(() => _harness.StoreAsync(bytes));

        Assert.Equal(PhotoRejection.TooManyPixels, refusal.Reason);
        Assert.Contains("30000 × 30000", refusal.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task An_Upload_Over_The_Limit_Is_Refused_As_Too_Large()
    {
        using var harness = new PipelineHarness(new PhotoOptions { MaxUploadBytes = 10_000 });
        var bytes = TestImages.Jpeg(400, 300);
        Assert.True(bytes.Length > 10_000);

        var refusal = await Assert.ThrowsAsync<PhotoRejectedException>(() => harness.StoreAsync(bytes));

        Assert.Equal(PhotoRejection.TooLarge, refusal.Reason);
        Assert.Empty(harness.UploadedNames());
    }

    [Fact]
    public async Task The_Limit_Counts_Bytes_Read_And_Stops_Reading_An_Endless_Upload()
    {
        using var harness = new PipelineHarness(new PhotoOptions { MaxUploadBytes = 1024 * 1024 });
        var endless = new EndlessStream();

        var refusal = await Assert.ThrowsAsync<PhotoRejectedException>(() => harness.Pipeline.StoreAsync(endless));

        Assert.Equal(PhotoRejection.TooLarge, refusal.Reason);
        Assert.InRange(endless.Served, 1024 * 1024, 1024 * 1024 + 100_000);
    }

    [Fact]
    public async Task A_Photo_At_The_Limit_Is_Accepted()
    {
        var bytes = TestImages.Jpeg(400, 300);
        using var harness = new PipelineHarness(new PhotoOptions { MaxUploadBytes = bytes.Length });

        var photo = await harness.StoreAsync(bytes);

        Assert.Equal(3, harness.UploadedNames().Length);
        Assert.Equal(400, photo.Width);
    }

    /// <summary>An upload that never ends and cannot tell its length, as a hostile client would send.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)0xFF, offset, count);
            Served += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
