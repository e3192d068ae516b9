using Microsoft.Net.Http.Headers;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Photos;

/// <summary>Turns a requested <c>/uploads/{name}</c> into a stored file, only for names the pipeline generates, and sends one.</summary>
public sealed class PhotoFiles(IFileStore store)
{
    /// <summary>
    /// The stored file and its content type, or null for any other name (paths, dot segments, temporary files,
    /// legacy names) and for a name whose file does not exist.
    /// </summary>
    public async Task<PhotoFile?> FindAsync(string requestedName, CancellationToken cancellationToken)
    {
        if (!PhotoNames.IsStoredFile(requestedName, out var memoryPhotoName))
        {
            return null;
        }

        return await store.FindAsync(FileArea.Uploads, requestedName, cancellationToken) is { } file
            ? new PhotoFile(file, PhotoNames.ContentType(requestedName), memoryPhotoName)
            : null;
    }

    /// <summary>
    /// A stored file as a response: from the disk when it is there, else read from the bucket; either way the
    /// framework answers <c>Range</c> (206) and <c>If-None-Match</c> (304). A file's name never changes content: it is its ETag.
    /// </summary>
    public async Task<IResult> SendAsync(FileArea area, StoredFileInfo file, string contentType, string? downloadName, CancellationToken cancellationToken)
    {
        var etag = new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(file.Name)}\"");
        return file.LocalPath is { } path
            ? Results.File(path, contentType, downloadName, lastModified: file.LastModifiedUtc, entityTag: etag, enableRangeProcessing: true)
            : Results.Stream(await store.OpenReadAsync(area, file, cancellationToken), contentType, downloadName, lastModified: file.LastModifiedUtc, entityTag: etag, enableRangeProcessing: true);
    }
}

/// <param name="MemoryPhotoName">The name a memory keeps for the photo this file is a variant of.</param>
public sealed record PhotoFile(StoredFileInfo File, string ContentType, string MemoryPhotoName);
