using System.Runtime.InteropServices;
using ImageMagick;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MoiAimerToi.Web.Photos;

/// <summary>
/// HEIC/HEIF (an iPhone's photos) and AVIF, which ImageSharp 2 cannot read. They are recognised by their ISO-BMFF
/// brand, measured from their header, decoded by Magick.NET (its bundled libheif, arriving with the NuGet restore),
/// shrunk there to the stored size and handed to ImageSharp as plain pixels, so that every photo ends as the same
/// variants. libheif applies the HEIF rotation and mirror boxes; the EXIF orientation, which HEIF says to ignore, is
/// ignored (applying both is how other sites turn iPhone photos twice).
/// </summary>
internal static class HeifPhotos
{
    private static readonly string[] Brands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif", "avis"];
    private static int _configured;

    /// <summary>Magick.NET's own limits (it has no per-call ones): pixels, memory, one thread, its scratch files in the data folder.</summary>
    public static void Configure(PhotoOptions limits, string scratchFolder)
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        ResourceLimits.Area = (ulong)limits.MaxPixels;
        ResourceLimits.Width = 65_535;
        ResourceLimits.Height = 65_535;
        ResourceLimits.Memory = 1024UL * 1024 * 1024;
        ResourceLimits.Thread = 1;
        Directory.CreateDirectory(scratchFolder);
        MagickNET.SetTempDirectory(scratchFolder);
    }

    /// <summary>An ISO-BMFF file (<c>ftyp</c> box first) whose major or compatible brands name HEIF or AVIF.</summary>
    public static bool IsHeif(ReadOnlySpan<byte> bytes) => FileBrands(bytes).Any(Brands.Contains);

    /// <summary>The extension an original keeps: <c>.avif</c> for an AVIF, <c>.heic</c> for any other HEIF.</summary>
    public static string Extension(ReadOnlySpan<byte> bytes) => FileBrands(bytes).Any(b => b is "avif" or "avis") ? ".avif" : ".heic";

    /// <summary>The major brand, then (after the minor version) each compatible brand of an ISO-BMFF <c>ftyp</c> box.</summary>
    public static IReadOnlyList<string> FileBrands(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 16 || !bytes[4..8].SequenceEqual("ftyp"u8))
        {
            return [];
        }

        var brands = new List<string>();
        var boxSize = (int)Math.Min(bytes.Length, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes));
        for (var offset = 8; offset + 4 <= boxSize; offset += offset == 8 ? 8 : 4)
        {
            brands.Add(System.Text.Encoding.ASCII.GetString(bytes.Slice(offset, 4)));
        }

        return brands;
    }

    /// <summary>
    /// The largest image size its header declares (<c>meta/iprp/ipco/ispe</c>: the photo, its grid, its tiles and
    /// thumbnail each declare one), read from the boxes themselves, so that no decoder sees a file over the limit.
    /// </summary>
    /// <returns>Null when the boxes are not there or do not add up.</returns>
    public static (int Width, int Height)? DeclaredSize(ReadOnlySpan<byte> file)
    {
        var meta = Child(file, "meta"u8);
        var properties = meta.Length > 4 ? Child(Child(meta[4..], "iprp"u8), "ipco"u8) : default;
        (int Width, int Height)? largest = null;
        for (var at = 0; Box(properties, at) is var (type, body, next); at = next)
        {
            var ispe = properties[body];
            if (properties[type].SequenceEqual("ispe"u8) && ispe.Length >= 12)
            {
                var width = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(ispe[4..]);
                var height = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(ispe[8..]);
                var size = ((int)Math.Min(width, int.MaxValue), (int)Math.Min(height, int.MaxValue));
                if (largest is null || (long)size.Item1 * size.Item2 > (long)largest.Value.Width * largest.Value.Height)
                {
                    largest = size;
                }
            }
        }

        return largest;
    }

    /// <summary>The body of the first box of that type among <paramref name="boxes"/>; empty when there is none.</summary>
    private static ReadOnlySpan<byte> Child(ReadOnlySpan<byte> boxes, ReadOnlySpan<byte> type)
    {
        for (var at = 0; Box(boxes, at) is var (found, body, next); at = next)
        {
            if (boxes[found].SequenceEqual(type))
            {
                return boxes[body];
            }
        }

        return default;
    }

    /// <summary>Where the ISO-BMFF box (32- or 64-bit size) starting at <paramref name="at"/> keeps its type and body, and where the next starts.</summary>
    private static (Range Type, Range Body, int Next)? Box(ReadOnlySpan<byte> boxes, int at)
    {
        var rest = boxes[at..];
        if (rest.Length < 8)
        {
            return null;
        }

        ulong size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(rest);
        var header = 8;
        if (size == 1 && rest.Length >= 16)
        {
            size = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(rest[8..]);
            header = 16;
        }
        else if (size == 0)
        {
            size = (ulong)rest.Length;
        }

        if (size < (ulong)header || size > (ulong)rest.Length)
        {
            return null;
        }

        var end = at + (int)size;
        return ((at + 4)..(at + 8), (at + header)..end, end);
    }

    /// <summary>The photo as ImageSharp pixels in sRGB, at most <paramref name="maxDimension"/> on its longest side, with its EXIF day.</summary>
    /// <exception cref="MagickException">The file is damaged, truncated or over the limits.</exception>
    public static (Image Image, DateOnly? TakenOn) Decode(byte[] bytes, int length, int maxDimension, Configuration configuration)
    {
        using var magick = new MagickImage(bytes, 0, (uint)length);
        var takenOn = PhotoPipeline.ExifDay(magick.GetExifProfile()?.GetValue(ExifTag.DateTimeOriginal)?.Value);
        // Shrunk first, so that the colour conversion and the copy below work on the stored size, not on all 12 MP.
        if (Math.Max(magick.Width, magick.Height) > maxDimension)
        {
            magick.Resize(new MagickGeometry((uint)maxDimension, (uint)maxDimension));
        }

        if (magick.GetColorProfile() is not null)
        {
            // An iPhone's Display P3 as sRGB: the stored files keep no profile, so their colours must already be sRGB.
            magick.TransformColorSpace(ColorProfiles.SRGB);
        }

        // Copied a row at a time into ImageSharp's own pooled memory: no photo-sized array on the managed heap.
        var image = new Image<Rgba32>(configuration, (int)magick.Width, (int)magick.Height);
        using var pixels = magick.GetPixelsUnsafe();
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = pixels.ToByteArray(0, y, (uint)rows.Width, 1, PixelMapping.RGBA) ?? throw new MagickCorruptImageErrorException("No pixels.");
                MemoryMarshal.Cast<byte, Rgba32>(row).CopyTo(rows.GetRowSpan(y));
            }
        });
        return (image, takenOn);
    }
}
