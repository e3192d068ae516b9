namespace MoiAimerToi.Web.Photos;

/// <summary>
/// An upload's bytes in one array of the right size when the stream knows its length (a form's file
/// does). A MemoryStream would allocate and copy a new array each time it doubled: about 20 MB of
/// large-object heap for one 5 MB photo, and a full collection, pausing every request, every few
/// uploads. The array is not pooled, so the collection after a burst of photos returns it to the system.
/// </summary>
internal sealed class UploadBuffer : IDisposable
{
    private const int FirstSize = 256 * 1024;

    private byte[] _array;

    private UploadBuffer(int capacity) => _array = GC.AllocateUninitializedArray<byte>(capacity);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

    /// <summary>Reads <paramref name="source"/> to its end, or throws <paramref name="tooLarge"/>'s exception past <paramref name="maxBytes"/>.</summary>
    public static async Task<UploadBuffer> ReadAsync(Stream source, long maxBytes, Func<Exception> tooLarge, CancellationToken cancellationToken)
    {
        // A form's file is seekable and knows its length: one array of the right size, and no reading a 2 GB lie.
        var known = source.CanSeek ? source.Length - source.Position : -1;
        if (known > maxBytes)
        {
            throw tooLarge();
        }

        var buffer = new UploadBuffer(known >= 0 ? (int)known + 1 : FirstSize);
        try
        {
            int read;
            // Never asks for more than one byte past the limit, so an endless upload costs at most the limit.
            while ((read = await source.ReadAsync(buffer._array.AsMemory(buffer.Length, buffer.Room(maxBytes)), cancellationToken)) > 0)
            {
                buffer.Length += read;
                if (buffer.Length > maxBytes)
                {
                    throw tooLarge();
                }

                if (buffer.Length == buffer._array.Length)
                {
                    buffer.Grow();
                }
            }

            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>A read-only stream over the bytes, for the decoders.</summary>
    public MemoryStream OpenRead() => new(_array, 0, Length, writable: false);

    /// <summary>Lets go of the bytes at once, even if something still holds this buffer.</summary>
    public void Dispose() => _array = [];

    private int Room(long maxBytes) => (int)Math.Min(_array.Length - Length, maxBytes + 1 - Length);

    private void Grow()
    {
        var larger = GC.AllocateUninitializedArray<byte>(_array.Length * 2);
        Span.CopyTo(larger);
        _array = larger;
    }
}
