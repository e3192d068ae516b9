using System.Buffers.Binary;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;

namespace MoiAimerToi.Web.Photos;

/// <summary>
/// ImageSharp 2.x decodes a truncated JPEG, PNG, WebP or GIF without complaint and fills the missing part
/// with grey, so the structure is walked first: a file must reach its end marker (for GIF, the end of
/// the first frame, the only one we keep). Walking is linear in the upload's bytes and allocates nothing.
/// </summary>
internal static class ImageCompleteness
{
    public static bool IsComplete(ReadOnlySpan<byte> data, IImageFormat format) => format switch
    {
        JpegFormat => JpegReachesEnd(data),
        PngFormat => PngReachesEnd(data),
        WebpFormat => WebpHasAllBytes(data),
        GifFormat => GifHasFirstFrame(data),
        _ => false,
    };

    private static bool JpegReachesEnd(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            return false;
        }

        var i = 2;
        while (true)
        {
            var next = data[i..].IndexOf((byte)0xFF);
            if (next < 0)
            {
                return false;
            }

            i += next;
            if (i + 1 >= data.Length)
            {
                return false;
            }

            var marker = data[i + 1];
            if (marker == 0xD9)
            {
                return true;
            }

            if (marker is 0xFF or 0x00 or 0x01 or >= 0xD0 and <= 0xD7)
            {
                i += marker == 0xFF ? 1 : 2;
                continue;
            }

            if (i + 4 > data.Length)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            if (length < 2 || i + 2 + length > data.Length)
            {
                return false;
            }

            // After a start-of-scan header comes entropy-coded data, where 0xFF is always followed by
            // 0x00 or a restart marker, so the search for the next marker above can simply resume there.
            i += 2 + length;
        }
    }

    private static bool PngReachesEnd(ReadOnlySpan<byte> data)
    {
        var i = 8;
        while (i + 8 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
            if (data.Slice(i + 4, 4).SequenceEqual("IEND"u8))
            {
                return true;
            }

            if (length > int.MaxValue || i + 12L + length > data.Length)
            {
                return false;
            }

            i += 12 + (int)length;
        }

        return false;
    }

    private static bool WebpHasAllBytes(ReadOnlySpan<byte> data) =>
        data.Length >= 12 && data.Length >= 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);

    private static bool GifHasFirstFrame(ReadOnlySpan<byte> data)
    {
        if (data.Length < 13)
        {
            return false;
        }

        var i = 13 + ColorTableLength(data[10]);
        while (i < data.Length)
        {
            switch (data[i])
            {
                case 0x21:
                    i = SkipSubBlocks(data, i + 2);
                    break;
                case 0x2C when i + 10 < data.Length:
                    i += 10 + ColorTableLength(data[i + 9]) + 1;
                    return SkipSubBlocks(data, i) > 0;
                default:
                    return false;
            }

            if (i < 0)
            {
                return false;
            }
        }

        return false;
    }

    private static int ColorTableLength(byte packed) => (packed & 0x80) == 0 ? 0 : 3 << ((packed & 0x07) + 1);

    /// <summary>The index just past the terminating empty sub-block, or -1 when the data ends first.</summary>
    private static int SkipSubBlocks(ReadOnlySpan<byte> data, int i)
    {
        while (i < data.Length)
        {
            var size = data[i];
            i += 1 + size;
            if (size == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
