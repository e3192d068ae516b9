using System.Globalization;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Media;
using MoiAimerToi.Web.Storage;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp;

namespace MoiAimerToi.Web.Photos;

/// <summary>
/// The one way a photo gets into the store's uploads (<see cref="IFileStore"/>): judged by its content, decoded within limits,
/// turned upright, stripped of metadata and stored under a random name as a JPEG plus two WebP widths.
/// JPEG, PNG, WebP and GIF are ImageSharp's; HEIC and AVIF come through <see cref="HeifPhotos"/>.
/// </summary>
public sealed partial class PhotoPipeline(
    DataPaths paths, IFileStore store, OriginalFiles originals, IOptions<PhotoOptions> options, TimeProvider time, ILogger<PhotoPipeline> logger)
{
    private static readonly JpegEncoder FullEncoder = new() { Quality = 85 };
    private static readonly WebpEncoder VariantEncoder = new() { Quality = 80, FileFormat = WebpFileFormatType.Lossy, Method = WebpEncodingMethod.Level2 };

    /// <summary>
    /// What ImageSharp keeps pooled between photos; buffers beyond it are freed when the photo is done, and glibc gives
    /// their pages back at once (<see cref="Hosting.NativeMemory.ReturnLargeBuffers"/>). 16 MB rather than 64: a batch
    /// of 30 photos peaked at 335 MB instead of 382, in the same time (docs/benchmarks.md).
    /// </summary>
    private const int PoolMegabytes = 16;

    private readonly PhotoOptions _limits = options.Value;
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrency, options.Value.MaxConcurrency);
    private readonly Configuration _imageFormats = OnlyPhotoFormats(options.Value);

    /// <summary>The most photos seen decoding at once, so tests can check the bound.</summary>
    internal int PeakInFlight { get; private set; }

    /// <param name="keepOriginal">Also keep the upload exactly as sent (<see cref="StoredPhoto.Original"/>).</param>
    /// <exception cref="PhotoRejectedException">The upload is too large, not a supported image, too many pixels or damaged.</exception>
    public async Task<StoredPhoto> StoreAsync(Stream upload, bool keepOriginal = false, CancellationToken cancellationToken = default)
    {
        // Read whole before waiting for a slot, so a slow sender never holds one; this costs at most MaxUploadBytes each.
        using var content = await ReadAsync(upload, cancellationToken);
        var format = Inspect(content);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            PeakInFlight = Math.Max(PeakInFlight, _limits.MaxConcurrency - _slots.CurrentCount);
            Encoded encoded;
            if (format is null)
            {
                var (heif, day) = DecodeHeif(content);
                using (heif)
                {
                    encoded = Write(heif, opaque: false, day, cancellationToken);
                }
            }
            else
            {
                using var image = Decode(content);
                encoded = Write(image, opaque: format is JpegFormat, TakenOn(image.Metadata), cancellationToken);
            }

            var stored = await PutAsync(encoded, cancellationToken);
            return keepOriginal ? await KeepOriginalAsync(stored, content, format, cancellationToken) : stored;
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<StoredPhoto> KeepOriginalAsync(StoredPhoto stored, MemoryStream content, IImageFormat? format, CancellationToken cancellationToken)
    {
        var bytes = content.GetBuffer().AsMemory(0, (int)content.Length);
        var extension = format is null ? HeifPhotos.Extension(bytes.Span) : "." + format.FileExtensions.First();
        try
        {
            return stored with { Original = await originals.SaveAsync(bytes, extension == ".jpeg" ? ".jpg" : extension, cancellationToken) };
        }
        catch
        {
            await DeleteAsync(stored);
            throw;
        }
    }

    /// <summary>Lets go of the buffers ImageSharp keeps pooled for the next photo (<see cref="Hosting.MemoryReturn"/>).</summary>
    public void ReleaseRetainedMemory() => _imageFormats.MemoryAllocator.ReleaseRetainedResources();

    /// <summary>The upload in memory, refused as soon as it passes <see cref="PhotoOptions.MaxUploadBytes"/>, whatever its length claimed.</summary>
    private async Task<MemoryStream> ReadAsync(Stream upload, CancellationToken cancellationToken)
    {
        var known = upload.CanSeek ? upload.Length - upload.Position : 0;
        if (known > _limits.MaxUploadBytes)
        {
            throw TooLarge();
        }

        var content = new MemoryStream((int)known);
        var chunk = new byte[81_920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (content.Length + read > _limits.MaxUploadBytes)
            {
                throw TooLarge();
            }

            content.Write(chunk, 0, read);
        }

        content.Position = 0;
        return content;
    }

    private PhotoRejectedException TooLarge() => new(PhotoRejection.TooLarge, string.Create(CultureInfo.InvariantCulture,
        $"The file is larger than the {_limits.MaxUploadBytes / (1024.0 * 1024):0.#} MB a photo may weigh."));

    /// <summary>
    /// Reads only the header: the format by its signature, and the declared size against MaxPixels.
    /// </summary>
    /// <returns>ImageSharp's format, or null for a HEIC or AVIF photo.</returns>
    private IImageFormat? Inspect(MemoryStream content)
    {
        var bytes = content.GetBuffer().AsSpan(0, (int)content.Length);
        if (HeifPhotos.IsHeif(bytes))
        {
            var (width, height) = HeifPhotos.DeclaredSize(bytes) ?? throw Corrupt();
            CheckSize(width, height);
            return null;
        }

        IImageInfo? info;
        IImageFormat? format;
        try
        {
            info = Image.Identify(_imageFormats, content, out format);
            content.Position = 0;
        }
        catch (Exception exception) when (IsDecodingFailure(exception))
        {
            throw Refusal(exception);
        }

        if (info is null || format is null)
        {
            throw new PhotoRejectedException(PhotoRejection.NotAnImage, "The file is not a JPEG, PNG, WebP, GIF, HEIC or AVIF image.");
        }

        CheckSize(info.Width, info.Height);

        if (!ImageCompleteness.IsComplete(content.GetBuffer().AsSpan(0, (int)content.Length), format))
        {
            throw Corrupt();
        }

        return format;
    }

    private void CheckSize(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw Corrupt();
        }

        if ((long)width * height > _limits.MaxPixels)
        {
            throw new PhotoRejectedException(PhotoRejection.TooManyPixels, string.Create(CultureInfo.InvariantCulture,
                $"The image is {width} × {height} pixels, more than the {_limits.MaxPixels / 1e6:0.#} megapixels a photo may have."));
        }
    }

    private (Image Image, DateOnly? TakenOn) DecodeHeif(MemoryStream content)
    {
        try
        {
            return HeifPhotos.Decode(content.GetBuffer(), (int)content.Length, _limits.MaxDimension, _imageFormats);
        }
        catch (ImageMagick.MagickException exception)
        {
            throw Corrupt(exception);
        }
        finally
        {
            // libheif and ImageMagick have freed their buffers of the full photo (≈200 MB for 12 MP): give them back now,
            // not at the end of a batch, so that a batch of iPhone photos does not pile them up.
            Hosting.NativeMemory.Trim();
        }
    }

    private Image Decode(MemoryStream content)
    {
        try
        {
            return Image.Load(_imageFormats, content);
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

    private static Configuration OnlyPhotoFormats(PhotoOptions limits)
    {
        var configuration = new Configuration(
            new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule(), new GifConfigurationModule())
        {
            // One core per photo: MaxConcurrency photos take at most that many cores, and pages keep the others.
            MaxDegreeOfParallelism = 1,
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                MaximumPoolSizeMegabytes = PoolMegabytes,
                // No buffer larger than the biggest photo allowed, at 8 bytes a pixel (16-bit RGBA): a hard cap whatever a header claimed.
                AllocationLimitMegabytes = (int)Math.Min(int.MaxValue, (limits.MaxPixels * 8 + (1 << 20) - 1) >> 20),
            }),
        };

        // Only the first frame is kept, so later frames are never decoded: a GIF of thousands of frames costs one canvas.
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        return configuration;
    }

    internal static DateOnly? TakenOn(ImageMetadata metadata) => ExifDay(metadata.ExifProfile?.GetValue(ExifTag.DateTimeOriginal)?.Value);

    /// <summary>The day of an EXIF <c>DateTimeOriginal</c> (<c>2024:07:14 18:30:00</c>), whichever library read it.</summary>
    internal static DateOnly? ExifDay(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy:MM:dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
}
