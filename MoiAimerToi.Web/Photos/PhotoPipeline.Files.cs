using MoiAimerToi.Web.Storage;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Processing;
using SixLabors.ImageSharp;

namespace MoiAimerToi.Web.Photos;

public sealed partial class PhotoPipeline
{
    /// <summary>A file this young may belong to an upload whose row is being saved right now, so sweeping leaves it.</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromHours(1);

    public void Delete(StoredPhoto photo) => DeleteFiles(photo.FileName);

    /// <summary>Removes the full-size file and every variant of the photo <paramref name="fileName"/> names; other names are ignored.</summary>
    public void DeleteFiles(string fileName)
    {
        if (!PhotoNames.Parse(fileName, out var fullName, out _))
        {
            return;
        }

        foreach (var name in PhotoNames.AllFor(fullName))
        {
            TryDelete(Path.Combine(paths.Uploads, name));
            TryDelete(Path.Combine(paths.Uploads, name + PhotoNames.TemporarySuffix));
        }
    }

    /// <summary>
    /// Deletes the generated files (and leftover temporary files) that belong to no referenced photo and were
    /// written before <paramref name="writtenBefore"/>. Files with names the pipeline never generates are left alone.
    /// </summary>
    /// <returns>How many files were deleted.</returns>
    /// <param name="writtenBefore">Younger files are spared; <see cref="OrphanGrace"/> ago unless the caller knows
    /// no upload was under way before that instant (the site's start).</param>
    public int SweepOrphans(IReadOnlySet<string> referencedFullNames, DateTime? writtenBefore = null)
    {
        var cutoff = writtenBefore ?? time.GetUtcNow().UtcDateTime - OrphanGrace;
        return StoredFiles.DeleteOrphans(
            paths.Uploads,
            name => PhotoNames.Parse(name, out var fullName, out var temporary) && (temporary || !referencedFullNames.Contains(fullName)),
            cutoff,
            "photo files no memory refers to",
            logger);
    }

    /// <param name="opaque">A JPEG: nothing transparent to lay on white.</param>
    private StoredPhoto Write(Image image, bool opaque, DateOnly? takenOn, CancellationToken cancellationToken)
    {
        var maxDimension = _limits.MaxDimension;
        image.Mutate(context =>
        {
            // Shrinking into a square box gives the same result either side of the rotation, and rotating after is cheaper.
            var size = context.GetCurrentSize();
            if (Math.Max(size.Width, size.Height) > maxDimension)
            {
                context.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(maxDimension, maxDimension) });
            }

            context.AutoOrient();

            if (!opaque)
            {
                // JPEG has no alpha: transparent pixels would otherwise come out black.
                context.BackgroundColor(Color.White);
            }
        });
        Strip(image);

        var fullName = PhotoNames.NewFullName();
        var written = new List<string>();
        string color;
        try
        {
            // One after the other, on the photo's one core: on a small server the other core keeps serving pages.
            Save(image, fullName, FullEncoder, written, cancellationToken);
            using var large = image.Clone(context => NarrowTo(context, PhotoNames.LargeWidth));
            Save(large, PhotoNames.Variant(fullName, PhotoNames.LargeWidth), VariantEncoder, written, cancellationToken);
            using var thumbnail = large.Clone(context => NarrowTo(context, PhotoNames.ThumbnailWidth));
            Save(thumbnail, PhotoNames.Variant(fullName, PhotoNames.ThumbnailWidth), VariantEncoder, written, cancellationToken);
            color = AverageColor(thumbnail);
        }
        catch
        {
            foreach (var path in written)
            {
                TryDelete(path);
            }

            throw;
        }

        return new StoredPhoto(fullName, image.Width, image.Height, takenOn, color);
    }

    /// <summary>The thumbnail shrunk to one pixel: the colour a card shows while the thumbnail loads.</summary>
    private static string AverageColor(Image thumbnail)
    {
        using var dot = thumbnail.CloneAs<SixLabors.ImageSharp.PixelFormats.Rgb24>();
        dot.Mutate(context => context.Resize(1, 1, KnownResamplers.Box));
        var pixel = dot[0, 0];
        return $"#{pixel.R:x2}{pixel.G:x2}{pixel.B:x2}";
    }

    private static void NarrowTo(IImageProcessingContext context, int namedWidth)
    {
        var current = context.GetCurrentSize().Width;
        var width = StoredPhoto.VariantWidth(namedWidth, current);
        if (width < current)
        {
            context.Resize(width, 0);
        }
    }

    /// <summary>Drops EXIF (GPS, camera, dates), IPTC, XMP and ICC; the WebP encoder cannot keep ICC, so no file keeps it.</summary>
    private static void Strip(Image image)
    {
        Strip(image.Metadata);
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IccProfile = null;
        }
    }

    private static void Strip(ImageMetadata metadata)
    {
        metadata.ExifProfile = null;
        metadata.IptcProfile = null;
        metadata.XmpProfile = null;
        metadata.IccProfile = null;
    }

    /// <summary>
    /// Writes under a temporary name, flushes to the disk, then renames, so a file under a final name is
    /// always whole, even after a power cut.
    /// </summary>
    private void Save(Image image, string name, IImageEncoder encoder, List<string> written, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = Path.Combine(paths.Uploads, name);
        var temporary = path + PhotoNames.TemporarySuffix;
        written.Add(temporary);
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920))
        {
            image.Save(file, encoder);
            file.Flush(flushToDisk: true);
        }

        written.Add(path);
        File.Move(temporary, path);
    }

    private bool TryDelete(string path) => StoredFiles.TryDelete(path, logger);
}
