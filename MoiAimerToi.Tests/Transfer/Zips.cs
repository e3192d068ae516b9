using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MoiAimerToi.Tests.Transfer;

/// <summary>ZIPs made on the spot, including the hostile ones no honest tool writes.</summary>
public static class Zips
{
    public static byte[] Build(params (string Name, byte[] Bytes)[] entries) =>
        Build(CompressionLevel.Fastest, entries);

    public static byte[] Build(CompressionLevel level, params (string Name, byte[] Bytes)[] entries)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    public static byte[] Text(string value) => Encoding.UTF8.GetBytes(value);

    /// <summary>Rewrites the uncompressed size that the local and central headers of <paramref name="entryName"/> declare.</summary>
    public static byte[] WithDeclaredSize(byte[] zip, string entryName, uint size)
    {
        var patched = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        var found = false;
        for (var i = 0; i + 46 < patched.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(patched.AsSpan(i));
            if (signature == 0x04034b50 && patched.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(i + 22), size);
            }
            else if (signature == 0x02014b50 && patched.AsSpan(i + 46, Math.Min(name.Length, patched.Length - i - 46)).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(i + 24), size);
                found = true;
            }
        }

        return found ? patched : throw new InvalidOperationException($"No central header names {entryName}.");
    }

    public static IReadOnlyList<string> EntryNames(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    public static byte[] Entry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var stream = archive.GetEntry(name)!.Open();
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A whole ZIP as the multipart form <c>POST /api/import</c> takes.</summary>
    public static MultipartFormDataContent ImportForm(byte[] zip, string field = "file") => new()
    {
        { new ByteArrayContent(zip), field, "site.zip" },
    };
}
