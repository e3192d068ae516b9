using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MoiAimerToi.Tests.Photos;

/// <summary>Images made on the spot with ImageSharp, and hand-made bytes for what ImageSharp will not write.</summary>
public static class TestImages
{
    /// <summary>One flat colour, or, without one, a textured pattern whose compressed data fills most of the file.</summary>
    public static Image<Rgba32> Picture(int width, int height, Color? color = null)
    {
        var image = new Image<Rgba32>(width, height);
        if (color is { } flat)
        {
            image.Mutate(context => context.BackgroundColor(flat));
            return image;
        }

        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgba32((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)((x ^ y) * 7), 255);
                }
            }
        });
        return image;
    }

    public static byte[] Jpeg(int width, int height, Action<ExifProfile>? exif = null)
    {
        using var image = Picture(width, height);
        if (exif is not null)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            exif(image.Metadata.ExifProfile);
        }

        return Encode(image, (i, s) => i.SaveAsJpeg(s));
    }

    public static byte[] Png(int width, int height, Color? color = null) => Encode(Picture(width, height, color), (i, s) => i.SaveAsPng(s));

    public static byte[] Webp(int width, int height) =>
        Encode(Picture(width, height), (i, s) => i.SaveAsWebp(s, new WebpEncoder { FileFormat = WebpFileFormatType.Lossy }));

    /// <summary>A GIF whose first frame is red and whose later frames are blue.</summary>
    public static byte[] Gif(int width, int height, int frames)
    {
        using var image = Picture(width, height, Color.Red);
        for (var i = 1; i < frames; i++)
        {
            using var blue = Picture(width, height, Color.Blue);
            image.Frames.AddFrame(blue.Frames.RootFrame);
        }

        return Encode(image, (i, s) => i.SaveAsGif(s));
    }

    public static byte[] Bmp(int width, int height) => Encode(Picture(width, height), (i, s) => i.SaveAsBmp(s));

    public static byte[] Tiff(int width, int height) => Encode(Picture(width, height), (i, s) => i.SaveAsTiff(s));

    /// <summary>A small, valid PNG whose header declares <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        WriteChunk(png, "IHDR", header);
        var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[1 + 3 * 16]);
        }

        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A real JPEG with its frame header rewritten to declare <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static byte[] JpegClaiming(int width, int height)
    {
        var jpeg = Jpeg(16, 16);
        for (var i = 2; i < jpeg.Length - 9; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), (ushort)width);
                return jpeg;
            }
        }

        throw new InvalidOperationException("No frame header found.");
    }

    /// <summary>A two-frame animated WebP built around a lossy frame ImageSharp encoded (it cannot write animations itself).</summary>
    public static byte[] AnimatedWebp(int width, int height)
    {
        var still = Webp(width, height);
        var at = still.AsSpan().IndexOf("VP8 "u8);
        var frame = still[at..(at + 8 + ((BinaryPrimitives.ReadInt32LittleEndian(still.AsSpan(at + 4)) + 1) & ~1))];
        var body = new MemoryStream();
        body.Write("WEBP"u8);
        WriteRiffChunk(body, "VP8X", [0x02, 0, 0, 0, .. Int24(width - 1), .. Int24(height - 1)]);
        WriteRiffChunk(body, "ANIM", [0, 0, 0, 0, 0, 0]);
        for (var i = 0; i < 2; i++)
        {
            WriteRiffChunk(body, "ANMF", [.. Int24(0), .. Int24(0), .. Int24(width - 1), .. Int24(height - 1), .. Int24(100), 0, .. frame]);
        }

        var riff = new MemoryStream();
        WriteRiffChunk(riff, "RIFF", body.ToArray());
        return riff.ToArray();
    }

    public static byte[] Truncated(byte[] bytes) => bytes[..(bytes.Length * 2 / 3)];

    private static byte[] Encode(Image image, Action<Image, Stream> save)
    {
        using (image)
        {
            var stream = new MemoryStream();
            save(image, stream);
            return stream.ToArray();
        }
    }

    private static byte[] Int24(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];

    private static void WriteRiffChunk(Stream stream, string type, byte[] data)
    {
        stream.Write(Encoding.ASCII.GetBytes(type));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, data.Length);
        stream.Write(size);
        stream.Write(data);
        if (data.Length % 2 == 1)
        {
            stream.WriteByte(0);
        }
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        byte[] typed = [.. type.Select(c => (byte)c), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
