namespace MoiAimerToi.Web.Transfer;

/// <summary>
/// Reads one ZIP entry and stops at the size its header declared: an entry that decompresses to more
/// (a lying header, a bomb) or cannot be decompressed ends the import with one of the two messages.
/// </summary>
internal sealed class BoundedEntryStream(Stream inner, long limit, string tooLarge, string damaged) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Count(inner.Read(buffer));
        }
        catch (Exception exception) when (exception is InvalidDataException or NotSupportedException)
        {
            throw Damaged(exception);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Count(await inner.ReadAsync(buffer, cancellationToken));
        }
        catch (Exception exception) when (exception is InvalidDataException or NotSupportedException)
        {
            throw Damaged(exception);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new ImportRefusedException(tooLarge);
        }

        return read;
    }

    private ImportRefusedException Damaged(Exception exception) => new(damaged, inner: exception);
}
