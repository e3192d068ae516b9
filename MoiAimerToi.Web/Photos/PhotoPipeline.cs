using System.Globalization;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Storage;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Processing;

namespace MoiAimerToi.Web.Photos;

/// <summary>
/// The one way a photo gets into the uploads folder: judged by its content, decoded within limits,
/// turned upright, stripped of metadata and stored under a random name as a JPEG plus two WebP widths.
/// </summary>
public sealed partial class PhotoPipeline(DataPaths paths, IOptions<PhotoOptions> options, TimeProvider time, ILogger<PhotoPipeline> logger)
    : IDisposable
{
    private static readonly JpegEncoder FullEncoder = new() { Quality = 85 };
    private static readonly WebpEncoder VariantEncoder = new() { Quality = 80, FileFormat = WebpFileFormatType.Lossy, Method = WebpEncodingMethod.Level2 };

    private readonly PhotoOptions _limits = options.Value;
    private readonly PhotoWorkers _workers = new(options.Value.MaxConcurrency, time, whenQuiet: PhotoMemory.Return);
    private readonly Configuration _imageFormats = OnlyPhotoFormats();

    /// <summary>The most photos seen decoding at once, so tests can check the bound.</summary>
    internal int PeakInFlight => _workers.PeakRunning;

    /// <exception cref="PhotoRejectedException">The upload is too large, not a supported image, too many pixels or damaged.</exception>
    public async Task<StoredPhoto> StoreAsync(Stream upload, CancellationToken cancellationToken = default)
    {
        // Buffered before it is queued, so a slow sender never holds a worker; this costs at most MaxUploadBytes each.
        using var content = await UploadBuffer.ReadAsync(upload, _limits.MaxUploadBytes, TooLarge, cancellationToken);
        var format = Inspect(content);
        return await _workers.RunAsync(() =>
        {
            using var image = Decode(content);
            return Write(image, format, cancellationToken);
        }, cancellationToken);
    }

    public void Dispose() => _workers.Dispose();

    private PhotoRejectedException TooLarge() => new(PhotoRejection.TooLarge, string.Create(CultureInfo.InvariantCulture,
        $"The file is larger than the {_limits.MaxUploadBytes / (1024.0 * 1024):0.#} MB a photo may weigh."));

    /// <summary>Reads only the header: the format by its signature, and the declared size against MaxPixels.</summary>
    private IImageFormat Inspect(UploadBuffer content)
    {
        IImageInfo? info;
        IImageFormat? format;
        try
        {
            using var header = content.OpenRead();
            info = Image.Identify(_imageFormats, header, out format);
        }
        catch (Exception exception) when (IsDecodingFailure(exception))
        {
            throw Refusal(exception);
        }

        if (info is null || format is null)
        {
            throw new PhotoRejectedException(PhotoRejection.NotAnImage, "The file is not a JPEG, PNG, WebP or GIF image.");
        }

        if (info.Width <= 0 || info.Height <= 0)
        {
            throw Corrupt();
        }

        if ((long)info.Width * info.Height > _limits.MaxPixels)
        {
            throw new PhotoRejectedException(PhotoRejection.TooManyPixels, string.Create(CultureInfo.InvariantCulture,
                $"The image is {info.Width} × {info.Height} pixels, more than the {_limits.MaxPixels / 1e6:0.#} megapixels a photo may have."));
        }

        if (!ImageCompleteness.IsComplete(content.Span, format))
        {
            throw Corrupt();
        }

        return format;
    }

    private Image Decode(UploadBuffer content)
    {
        try
        {
            using var pixels = content.OpenRead();
            return Image.Load(_imageFormats, pixels);
        }
        catch (Exception exception) when (IsDecodingFailure(exception))
        {
            throw Refusal(exception);
        }
    }

    /// <summary>ImageSharp 2.x says NotSupported for variants it cannot read, such as animated WebP.</summary>
    private static PhotoRejectedException Refusal(Exception exception) => exception is NotSupportedException
        ? new(PhotoRejection.NotAnImage, "This kind of image (for example an animated WebP) is not supported.", exception)
        : Corrupt(exception);

    /// <summary>Crafted bytes can make a decoder throw more than ImageFormatException; any of it means a damaged file.</summary>
    private static bool IsDecodingFailure(Exception exception) =>
        exception is not (OperationCanceledException or OutOfMemoryException);

    private static PhotoRejectedException Corrupt(Exception? inner = null) =>
        new(PhotoRejection.Corrupt, "The image is damaged or incomplete and cannot be read.", inner);

    private static Configuration OnlyPhotoFormats()
    {
        var configuration = new Configuration(
            new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule(), new GifConfigurationModule())
        {
            // Each photo stays on its worker: ImageSharp would otherwise spread a resize over the thread pool, where pages run.
            MaxDegreeOfParallelism = 1,
        };

        // Only the first frame is kept, so later frames are never decoded: a GIF of thousands of frames costs one canvas.
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        return configuration;
    }

    internal static DateOnly? TakenOn(ImageMetadata metadata)
    {
        var value = metadata.ExifProfile?.GetValue(ExifTag.DateTimeOriginal)?.Value;
        return value is { Length: >= 10 }
            && DateOnly.TryParseExact(value[..10], "yyyy:MM:dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
    }
}
