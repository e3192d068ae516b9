using System.Text;
using MoiAimerToi.Web.Photos;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Iptc;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace MoiAimerToi.Tests.Photos;

public sealed class PipelineTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_Landscape_Photo_Tagged_Orientation_6_Is_Stored_Upright_As_Portrait()
    {
        var photo = await _harness.StoreAsync(TestImages.Jpeg(400, 300, exif => exif.SetValue(ExifTag.Orientation, (ushort)6)));

        Assert.Equal((300, 400), (photo.Width, photo.Height));
        foreach (var name in photo.AllFileNames)
        {
            using var stored = _harness.Load(name);
            Assert.True(stored.Height > stored.Width, $"{name} is {stored.Width}×{stored.Height}");
        }
    }

    [Fact]
    public async Task A_Large_Rotated_Photo_Is_Capped_And_Upright()
    {
        var photo = await _harness.StoreAsync(TestImages.Jpeg(3000, 2000, exif => exif.SetValue(ExifTag.Orientation, (ushort)6)));

        Assert.Equal((1707, 2560), (photo.Width, photo.Height));
        Assert.Equal((1707, 2560), Size(photo.FileName));
        Assert.Equal((1280, 1920), Size(photo.LargeFileName));
    }

    [Fact]
    public async Task No_Stored_File_Keeps_Gps_Camera_Iptc_Or_Xmp_Metadata()
    {
        using var original = TestImages.Picture(640, 480);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "CanonSecretMake");
        exif.SetValue(ExifTag.Model, "EOS SecretModel");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(48, 1), new Rational(51, 1), new Rational(2440, 100)]);
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(2, 1), new Rational(21, 1), new Rational(300, 100)]);
        original.Metadata.ExifProfile = exif;
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.City, "SecretCity");
        original.Metadata.IptcProfile = iptc;
        original.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:creator=\"SecretCreator\"/></rdf:RDF></x:xmpmeta>"));
        var upload = new MemoryStream();
        await original.SaveAsJpegAsync(upload);
        Assert.Contains("SecretModel", Encoding.Latin1.GetString(upload.ToArray()));

        var photo = await _harness.Pipeline.StoreAsync(new MemoryStream(upload.ToArray()));

        foreach (var name in photo.AllFileNames)
        {
            using var stored = _harness.Load(name);
            var storedExif = stored.Metadata.ExifProfile;
            Assert.True(storedExif is null || storedExif.Values.All(v => v.Tag != ExifTag.Make && v.Tag != ExifTag.Model && v.Tag != ExifTag.GPSLatitude && v.Tag != ExifTag.GPSLongitude), name);
            Assert.Null(stored.Metadata.IptcProfile);
            Assert.Null(stored.Metadata.XmpProfile);
            var bytes = Encoding.Latin1.GetString(_harness.Bytes(name));
            Assert.DoesNotContain("Secret", bytes);
            Assert.DoesNotContain("Exif\0\0", bytes);
        }
    }

    [Fact]
    public async Task The_Exif_Date_The_Photo_Was_Taken_Is_Returned()
    {
        var photo = await _harness.StoreAsync(TestImages.Jpeg(64, 48, exif => exif.SetValue(ExifTag.DateTimeOriginal, "2021:07:14 18:30:00")));

        Assert.Equal(new DateOnly(2021, 7, 14), photo.TakenOn);
    }

    [Fact]
    public async Task A_Photo_Without_A_Date_Has_No_TakenOn()
    {
        var photo = await _harness.StoreAsync(TestImages.Jpeg(64, 48, exif => exif.SetValue(ExifTag.DateTimeOriginal, "0000:00:00 00:00:00")));

        Assert.Null(photo.TakenOn);
    }

    public static TheoryData<string> AcceptedFormats => ["png", "webp", "gif"];

    [Theory]
    [MemberData(nameof(AcceptedFormats))]
    public async Task Png_WebP_And_Gif_Are_Stored_As_Jpeg_And_WebP(string format)
    {
        var bytes = format switch
        {
            "png" => TestImages.Png(800, 600),
            "webp" => TestImages.Webp(800, 600),
            _ => TestImages.Gif(800, 600, frames: 3),
        };

        var photo = await _harness.StoreAsync(bytes);

        Assert.Equal(photo.AllFileNames.Order(), _harness.UploadedNames());
        Assert.Equal("image/jpeg", Image.DetectFormat(_harness.Bytes(photo.FileName))?.DefaultMimeType);
        Assert.Equal("image/webp", Image.DetectFormat(_harness.Bytes(photo.LargeFileName))?.DefaultMimeType);
        using var full = _harness.Load(photo.FileName);
        Assert.Equal((800, 600), (full.Width, full.Height));
    }

    [Fact]
    public async Task Only_The_First_Frame_Of_A_Gif_Is_Kept()
    {
        var photo = await _harness.StoreAsync(TestImages.Gif(100, 80, frames: 40));

        using var stored = Image.Load<Rgb24>(_harness.Bytes(photo.LargeFileName));
        Assert.Equal(1, stored.Frames.Count);
        var pixel = stored[50, 40];
        Assert.True(pixel.R > 200 && pixel.B < 60, $"expected red, got {pixel}");
    }

    [Fact]
    public async Task Transparent_Areas_Become_White_Rather_Than_Black()
    {
        var photo = await _harness.StoreAsync(TestImages.Png(60, 40, Color.Transparent));

        using var stored = Image.Load<Rgb24>(_harness.Bytes(photo.FileName));
        Assert.True(stored[30, 20].R > 240 && stored[30, 20].G > 240 && stored[30, 20].B > 240, stored[30, 20].ToString());
    }

    [Fact]
    public async Task A_Large_Photo_Is_Capped_At_2560_And_Its_Variants_Are_1280_And_480_Wide()
    {
        var photo = await _harness.StoreAsync(TestImages.Jpeg(3000, 2000));

        Assert.Equal((2560, 1707), (photo.Width, photo.Height));
        Assert.Equal((2560, 1707), Size(photo.FileName));
        Assert.Equal((1280, 854), Size(photo.LargeFileName));
        Assert.Equal((480, 320), Size(photo.ThumbnailFileName));
        Assert.Equal((1280, 480), (photo.LargeWidth, photo.ThumbnailWidth));
    }

    [Fact]
    public async Task A_Tall_Photo_Is_Capped_On_Its_Height_And_Its_Large_Variant_Is_Not_Upscaled()
    {
        var photo = await _harness.StoreAsync(TestImages.Jpeg(1000, 3000));

        Assert.Equal((853, 2560), Size(photo.FileName));
        Assert.Equal((853, 2560), Size(photo.LargeFileName));
        Assert.Equal((480, 1441), Size(photo.ThumbnailFileName));
        Assert.Equal(853, photo.LargeWidth);
    }

    [Fact]
    public async Task A_Small_Photo_Is_Never_Upscaled()
    {
        var photo = await _harness.StoreAsync(TestImages.Jpeg(300, 200));

        Assert.All(photo.AllFileNames, name => Assert.Equal((300, 200), Size(name)));
        Assert.Equal((300, 300), (photo.LargeWidth, photo.ThumbnailWidth));
    }

    [Fact]
    public async Task Files_Get_A_Random_Name_Of_32_Hex_Digits_With_Their_Variants_Beside()
    {
        var first = await _harness.StoreAsync(TestImages.Jpeg(64, 48));
        var second = await _harness.StoreAsync(TestImages.Jpeg(64, 48));

        Assert.Matches("^[0-9a-f]{32}\\.jpg$", first.FileName);
        Assert.NotEqual(first.FileName, second.FileName);
        Assert.Equal([first.FileName, first.FileName[..32] + "-1280.webp", first.FileName[..32] + "-480.webp"], first.AllFileNames);
        Assert.DoesNotContain(_harness.UploadedNames(), name => name.EndsWith(".tmp", StringComparison.Ordinal));
    }

    private (int, int) Size(string fileName)
    {
        var info = Image.Identify(_harness.Bytes(fileName));
        return (info.Width, info.Height);
    }
}
