using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Photos;

/// <summary>Turns a requested <c>/uploads/{name}</c> into a file, only for names the pipeline generates.</summary>
public sealed class PhotoFiles(DataPaths paths)
{
    /// <summary>
    /// The stored file's full path and content type, or null for any other name (paths, dot segments,
    /// temporary files, legacy names) and for a name whose file does not exist.
    /// </summary>
    public PhotoFile? Find(string requestedName)
    {
        if (!PhotoNames.IsStoredFile(requestedName, out var memoryPhotoName))
        {
            return null;
        }

        var path = Path.Combine(paths.Uploads, requestedName);
        return File.Exists(path) ? new PhotoFile(path, PhotoNames.ContentType(requestedName), memoryPhotoName) : null;
    }
}

/// <param name="MemoryPhotoName">The name a memory keeps for the photo this file is a variant of.</param>
public sealed record PhotoFile(string Path, string ContentType, string MemoryPhotoName);
