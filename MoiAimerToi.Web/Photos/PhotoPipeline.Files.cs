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

    public Task DeleteAsync(StoredPhoto photo) => DeleteFilesAsync(photo.FileName);

    /// <summary>Removes the full-size file and every variant of the photo <paramref name="fileName"/> names; other names are ignored.</summary>
    public async Task DeleteFilesAsync(string fileName)
    {
        if (!PhotoNames.Parse(fileName, out var fullName, out _))
        {
            return;
        }

        foreach (var name in PhotoNames.AllFor(fullName))
        {
            await store.DeleteAsync(FileArea.Uploads, name);
            // What an earlier version left while it wrote one.
            await store.DeleteAsync(FileArea.Uploads, name + PhotoNames.TemporarySuffix);
        }
    }

    /// <summary>
    /// Deletes the generated files (and leftover temporary files) that belong to no referenced photo and were
    /// written before <paramref name="writtenBefore"/>. Files with names the pipeline never generates are left alone.
    /// </summary>
    /// <returns>How many files were deleted.</returns>
    /// <param name="writtenBefore">Younger files are spared; <see cref="OrphanGrace"/> ago unless the caller knows
    /// no upload was under way before that instant (the site's start).</param>
    public Task<int> SweepOrphansAsync(IReadOnlySet<string> referencedFullNames, DateTime? writtenBefore = null, CancellationToken cancellationToken = default) =>
        StoredFiles.DeleteOrphansAsync(
            store,
            FileArea.Uploads,
            name => PhotoNames.Parse(name, out var fullName, out var temporary) && (temporary || !referencedFullNames.Contains(fullName)),
            writtenBefore ?? time.GetUtcNow().UtcDateTime - OrphanGrace,
            "photo files no memory refers to",
            logger,
            cancellationToken);

    /// <summary>A photo's three files, encoded in the scratch, not yet in the store.</summary>
    private sealed record Encoded(StoredPhoto Photo, List<(string Name, string Scratch)> Files);

    /// <param name="opaque">A JPEG: nothing transparent to lay on white.</param>
    private Encoded Write(Image image, bool opaque, DateOnly? takenOn, CancellationToken cancellationToken)
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
        var files = new List<(string Name, string Scratch)>();
        string color;
        try
        {
            // One after the other, on the photo's one core: on a small server the other core keeps serving pages.
            Save(image, fullName, FullEncoder, files, cancellationToken);
            using var large = image.Clone(context => NarrowTo(context, PhotoNames.LargeWidth));
            Save(large, PhotoNames.Variant(fullName, PhotoNames.LargeWidth), VariantEncoder, files, cancellationToken);
            using var thumbnail = large.Clone(context => NarrowTo(context, PhotoNames.ThumbnailWidth));
            Save(thumbnail, PhotoNames.Variant(fullName, PhotoNames.ThumbnailWidth), VariantEncoder, files, cancellationToken);
            color = AverageColor(thumbnail);
        }
        catch
        {
            DeleteScratch(files);
            throw;
        }

        return new Encoded(new StoredPhoto(fullName, image.Width, image.Height, takenOn, color), files);
    }

    /// <summary>The variants first and the full size last, so that a photo whose full size is stored is whole; all or none.</summary>
    private async Task<StoredPhoto> PutAsync(Encoded encoded, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (name, scratch) in Enumerable.Reverse(encoded.Files))
            {
                await store.PutAsync(FileArea.Uploads, name, scratch, cancellationToken);
            }

            return encoded.Photo;
        }
        catch
        {
            DeleteScratch(encoded.Files);
            await DeleteAsync(encoded.Photo);
            throw;
        }
    }

    private void DeleteScratch(List<(string Name, string Scratch)> files)
    {
        foreach (var (_, scratch) in files)
        {
            StoredFiles.TryDelete(scratch, logger);
        }
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

    /// <summary>Encodes into the scratch and flushes to the disk: the store then takes it whole (<see cref="IFileStore.PutAsync"/>).</summary>
    private void Save(Image image, string name, IImageEncoder encoder, List<(string Name, string Scratch)> files, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scratch = StoredFiles.NewScratchFile(paths);
        files.Add((name, scratch));
        using var file = new FileStream(scratch, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920);
        image.Save(file, encoder);
        file.Flush(flushToDisk: true);
    }
}
