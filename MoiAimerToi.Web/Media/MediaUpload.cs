using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Media;

/// <summary>
/// One uploaded file, streamed from a multipart body's <c>file</c> part into the data folder's scratch (never the
/// system's temporary folder, never whole in memory) and refused while it streams in once it passes the limit.
/// Disposing deletes the scratch file unless it was adopted as an original.
/// </summary>
public sealed class MediaUpload : IAsyncDisposable
{
    /// <summary>How its scratch files begin, for the sweep at the next start.</summary>
    public const string ScratchPrefix = "upload-";

    private MediaUpload(string path, string? fileName, long length, byte[] header)
    {
        Path = path;
        FileName = fileName;
        Length = length;
        Header = header;
    }

    public string Path { get; }

    /// <summary>The name the sender gave the file, if any.</summary>
    public string? FileName { get; }

    public long Length { get; }

    /// <summary>The first bytes, for <see cref="MediaSniffer"/>.</summary>
    public byte[] Header { get; }

    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);

    public ValueTask DisposeAsync()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // A scratch file left behind goes with the next start's sweep of the scratch folder.
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>ENOSPC (28) on Linux, ERROR_DISK_FULL (112) or ERROR_HANDLE_DISK_FULL (39) on Windows.</summary>
    public static bool IsDiskFull(IOException exception) => (exception.HResult & 0xFFFF) is 28 or 39 or 112;

    public enum Problem
    {
        NoFile,
        TooLarge,
        Unreadable,
        DiskFull,
    }

    /// <summary>The request's <c>file</c> part, or why there is none to take (and, when too large, the limit it passed).</summary>
    /// <param name="limits">A photo's limit and a video's, told apart by the first bytes as they arrive.</param>
    public static async Task<(MediaUpload? Upload, Problem? Problem, long Limit)> ReadAsync(
        HttpRequest request, (long Photo, long Video) limits, DataPaths paths, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (null, Problem.NoFile, 0);
        }

        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && disposition.IsFileDisposition() && disposition.Name.Value == "file")
                {
                    return await SaveAsync(section.Body, disposition.FileNameStar.Value ?? disposition.FileName.Value, limits, paths, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? (null, Problem.TooLarge, limits.Video)
                : (null, Problem.Unreadable, 0);
        }

        return (null, Problem.NoFile, 0);
    }

    /// <summary>
    /// Any stream (a form's part, an archive's entry) into the scratch, refused once it passes its limit: a photo's or
    /// (for anything else) a video's, as soon as its first bytes say which.
    /// </summary>
    public static async Task<(MediaUpload? Upload, Problem? Problem, long Limit)> SaveAsync(
        Stream body, string? fileName, (long Photo, long Video) limits, DataPaths paths, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(paths.Scratch, $"{ScratchPrefix}{Guid.NewGuid():N}");
        var header = new byte[MediaSniffer.HeaderLength];
        var headerLength = 0;
        long length = 0;
        var maxBytes = Math.Max(limits.Photo, limits.Video);
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
            {
                var buffer = new byte[81_920];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    var forHeader = Math.Min(read, header.Length - headerLength);
                    buffer.AsSpan(0, forHeader).CopyTo(header.AsSpan(headerLength));
                    headerLength += forHeader;
                    if (forHeader > 0 && headerLength == header.Length)
                    {
                        maxBytes = MediaSniffer.Sniff(header) is { Kind: MediaKind.Photo } ? limits.Photo : limits.Video;
                    }

                    length += read;
                    if (length > maxBytes)
                    {
                        File.Delete(path);
                        return (null, Problem.TooLarge, maxBytes);
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                // A video becomes its own original by a rename: it must be on the disk before a row names it.
                file.Flush(flushToDisk: true);
            }

            return (new MediaUpload(path, fileName, length, header[..headerLength]), null, 0);
        }
        catch (IOException exception) when (IsDiskFull(exception))
        {
            File.Delete(path);
            return (null, Problem.DiskFull, 0);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
