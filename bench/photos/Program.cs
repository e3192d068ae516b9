using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Photos;
using MoiAimerToi.Web.Storage;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

// generate <out.jpg>            a 4000×3000 camera-like JPEG tagged orientation 6, with GPS, camera and date
// store <in> <data-dir>         one upload through the pipeline, as the site would do it
// repeat <in> <data-dir> <n>    one warm-up, then n uploads in this process; prints the median in ms
// noop                          starts and exits, for the runtime's own memory
return args switch
{
    ["generate", var output] => Generate(output),
    ["store", var input, var data] => await StoreAsync(input, data, 1),
    ["repeat", var input, var data, var count] => await StoreAsync(input, data, int.Parse(count, CultureInfo.InvariantCulture)),
    ["noop"] => 0,
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: PhotoBench generate <out.jpg> | store <in> <data-dir> | repeat <in> <data-dir> <n> | noop");
    return 2;
}

static int Generate(string output)
{
    const int width = 4000, height = 3000;
    using var image = new Image<Rgb24>(width, height);
    var noise = new Random(2023);
    image.ProcessPixelRows(rows =>
    {
        for (var y = 0; y < height; y++)
        {
            var row = rows.GetRowSpan(y);
            for (var x = 0; x < width; x++)
            {
                // Smooth sky-to-sand gradients with sensor-like noise and some edges: compresses like a photo, not like a flat test card.
                var grain = noise.Next(-12, 13);
                var stripe = (x / 250 + y / 250) % 2 == 0 ? 20 : 0;
                row[x] = new Rgb24(
                    Clamp(80 + (y * 150 / height) + grain + stripe),
                    Clamp(120 + (x * 90 / width) + grain),
                    Clamp(220 - (y * 140 / height) + grain - stripe));
            }
        }
    });

    var exif = new ExifProfile();
    exif.SetValue(ExifTag.Orientation, (ushort)6);
    exif.SetValue(ExifTag.Make, "BenchCam");
    exif.SetValue(ExifTag.Model, "Model 12MP");
    exif.SetValue(ExifTag.DateTimeOriginal, "2024:08:15 19:42:00");
    exif.SetValue(ExifTag.GPSLatitudeRef, "N");
    exif.SetValue(ExifTag.GPSLatitude, [new Rational(43, 1), new Rational(17, 1), new Rational(4512, 100)]);
    exif.SetValue(ExifTag.GPSLongitudeRef, "E");
    exif.SetValue(ExifTag.GPSLongitude, [new Rational(5, 1), new Rational(22, 1), new Rational(3006, 100)]);
    image.Metadata.ExifProfile = exif;
    image.Save(output, new JpegEncoder { Quality = 92 });
    Console.WriteLine($"{output}: {width}×{height}, {new FileInfo(output).Length / 1024} KiB");
    return 0;
}

static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

static async Task<int> StoreAsync(string input, string dataDirectory, int count)
{
    var root = Path.GetFullPath(dataDirectory);
    var paths = new DataPaths(Options.Create(new StorageOptions { DataDirectory = root }), new BenchEnvironment(root));
    var pipeline = new PhotoPipeline(paths, Options.Create(new PhotoOptions()), TimeProvider.System, NullLogger<PhotoPipeline>.Instance);
    var bytes = await File.ReadAllBytesAsync(input);

    if (count == 1)
    {
        var photo = await pipeline.StoreAsync(new MemoryStream(bytes));
        Console.WriteLine($"{photo.FileName} {photo.Width}×{photo.Height} taken {photo.TakenOn:yyyy-MM-dd}");
        return 0;
    }

    await pipeline.StoreAsync(new MemoryStream(bytes));
    var times = new List<double>();
    for (var i = 0; i < count; i++)
    {
        var clock = Stopwatch.StartNew();
        var photo = await pipeline.StoreAsync(new MemoryStream(bytes));
        times.Add(clock.Elapsed.TotalMilliseconds);
        pipeline.Delete(photo);
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median_ms={times[times.Count / 2]:0} min_ms={times[0]:0} max_ms={times[^1]:0} runs={count}"));
    return 0;
}

internal sealed class BenchEnvironment(string contentRoot) : IWebHostEnvironment
{
    public string WebRootPath { get; set; } = contentRoot;
    public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
    public string ApplicationName { get; set; } = "PhotoBench";
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    public string ContentRootPath { get; set; } = contentRoot;
    public string EnvironmentName { get; set; } = "Production";
}
