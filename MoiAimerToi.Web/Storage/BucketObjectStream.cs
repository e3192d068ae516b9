using Amazon.S3;
using Amazon.S3.Model;

namespace MoiAimerToi.Web.Storage;

/// <summary>
/// An object of a bucket as a seekable, read-only stream, so that the framework answers <c>Range</c> requests (a phone
/// playing a video asks for pieces of it) as it does for a file. It reads by ranged GETs of at most
/// <see cref="Window"/> bytes from where it stands: a seek costs nothing until the next read.
/// </summary>
public sealed class BucketObjectStream(IAmazonS3 client, string bucket, string key, long length) : Stream
{
    public const long Window = 8 << 20;

    private GetObjectResponse? _response;
    private long _position;

    /// <summary>Where the open response's body stands, and where its range ends (exclusive).</summary>
    private long _bodyAt;
    private long _bodyEnd;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        if (_response is null || _bodyAt != _position || _bodyAt >= _bodyEnd)
        {
            CloseBody();
            _bodyEnd = Math.Min(length, _position + Window);
            _response = await client.GetObjectAsync(
                new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(_position, _bodyEnd - 1) }, cancellationToken);
            _bodyAt = _position;
        }

        var read = await _response.ResponseStream.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _bodyEnd - _bodyAt)], cancellationToken);
        if (read == 0)
        {
            throw new IOException($"{key} ended at {_bodyAt} of {length} bytes.");
        }

        _bodyAt += read;
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseBody();
        }

        base.Dispose(disposing);
    }

    private void CloseBody()
    {
        _response?.Dispose();
        _response = null;
    }
}
