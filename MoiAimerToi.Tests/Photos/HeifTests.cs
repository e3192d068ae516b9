using System.Text;
using MoiAimerToi.Web.Photos;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MoiAimerToi.Tests.Photos;

/// <summary>iPhone photos (HEIC) and AVIF, through Magick.NET into the same stored variants as every photo (fixtures: Photos/Fixtures/README.md).</summary>
public sealed class HeifTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Photos", "Fixtures", name));

    [Theory]
    [InlineData("sideways-exif.heic")]
    [InlineData("sideways-exif.avif")]
    public async Task A_Heic_Or_Avif_Becomes_The_Usual_Jpeg_And_WebP_Files_With_Its_Colours_Its_Day_And_No_Metadata(string fixture)
    {
        var photo = await _harness.StoreAsync(Fixture(fixture));

        // HEIF's own boxes say how to turn it; its EXIF orientation (6 here) is ignored, as the format asks.
        Assert.Equal((64, 48), (photo.Width, photo.Height));
        Assert.Equal(new DateOnly(2024, 7, 14), photo.TakenOn);
        Assert.Equal([photo.FileName, photo.LargeFileName, photo.ThumbnailFileName], photo.AllFileNames.ToArray());
        using var stored = Image.Load<Rgba32>(Path.Combine(_harness.Paths.Uploads, photo.FileName));
        Assert.True(IsNear(stored[4, 4], new Rgba32(230, 20, 20)), $"top-left is {stored[4, 4]}");
        Assert.True(IsNear(stored[60, 44], new Rgba32(20, 40, 220)), $"bottom-right is {stored[60, 44]}");
        Assert.Null(stored.Metadata.ExifProfile);
        foreach (var name in photo.AllFileNames)
        {
            Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(_harness.Bytes(name)));
        }
    }

    [Fact]
    public async Task A_Grid_Of_Tiles_Turned_By_Its_Irot_Box_Is_Assembled_And_Turned_Once()
    {
        var photo = await _harness.StoreAsync(Fixture("grid-irot.heic"));

        Assert.Equal((96, 128), (photo.Width, photo.Height));
        using var stored = Image.Load<Rgba32>(Path.Combine(_harness.Paths.Uploads, photo.FileName));
        Assert.True(IsNear(stored[10, 10], new Rgba32(0, 128, 0)), $"top-left is {stored[10, 10]}");
        Assert.True(IsNear(stored[85, 10], new Rgba32(255, 255, 0)), $"top-right is {stored[85, 10]}");
        Assert.True(IsNear(stored[10, 118], new Rgba32(255, 0, 0)), $"bottom-left is {stored[10, 118]}");
        Assert.True(IsNear(stored[85, 118], new Rgba32(0, 0, 255)), $"bottom-right is {stored[85, 118]}");
    }

    [Fact]
    public async Task A_12_Megapixel_Iphone_Photo_Is_Shrunk_To_The_Stored_Size()
    {
        var photo = await _harness.StoreAsync(Fixture("iphone-size.heic"));

        Assert.Equal((2560, 1920), (photo.Width, photo.Height));
        Assert.Equal(new DateOnly(2023, 8, 2), photo.TakenOn);
        using var large = _harness.Load(photo.LargeFileName);
        Assert.Equal((1280, 960), (large.Width, large.Height));
    }

    [Fact]
    public async Task A_Heic_Declaring_50000_By_50000_Pixels_Is_Refused_Before_Any_Decoding()
    {
        var bytes = Fixture("sideways-exif.heic");
        var ispe = Encoding.ASCII.GetBytes("ispe");
        var at = bytes.AsSpan().IndexOf(ispe) + ispe.Length + 4;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at), 50_000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at + 4), 50_000);

        var refusal = await Assert.ThrowsAsync<PhotoRejectedException>(() => _harness.StoreAsync(bytes));

        Assert.Equal(PhotoRejection.TooManyPixels, refusal.Reason);
        Assert.Contains("50000 × 50000", refusal.Message);
        Assert.Empty(_harness.UploadedNames());
    }

    [Fact]
    public async Task A_Truncated_Heic_Is_Refused_As_Damaged_And_Leaves_No_File()
    {
        var bytes = Fixture("iphone-size.heic");

        var refusal = await Assert.ThrowsAsync<PhotoRejectedException>(() => _harness.StoreAsync(bytes[..(bytes.Length / 2)]));

        Assert.Equal(PhotoRejection.Corrupt, refusal.Reason);
        Assert.Empty(_harness.UploadedNames());
    }

    [Fact]
    public async Task Html_Behind_A_Heif_Signature_Is_Refused()
    {
        var bytes = Encoding.ASCII.GetBytes("\0\0\0\u0018ftypheic\0\0\0\0mif1heic<html><script>alert(1)</script></html>");

        var refusal = await Assert.ThrowsAsync<PhotoRejectedException>(() => _harness.StoreAsync(bytes));

        Assert.Equal(PhotoRejection.Corrupt, refusal.Reason);
        Assert.Empty(_harness.UploadedNames());
    }

    private static bool IsNear(Rgba32 actual, Rgba32 expected) =>
        Math.Abs(actual.R - expected.R) < 40 && Math.Abs(actual.G - expected.G) < 40 && Math.Abs(actual.B - expected.B) < 40;
}
