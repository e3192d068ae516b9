namespace MoiAimerToi.Web.Storage;

/// <summary>The two kinds of stored file: what <c>/uploads/</c> serves (photo variants, prepared videos, posters), and originals.</summary>
public enum FileArea
{
    Uploads,
    Originals,
}

/// <param name="LocalPath">The file itself, when the store is the data folder: served straight from the disk.</param>
public sealed record StoredFileInfo(string Name, long Length, DateTime LastModifiedUtc, string? LocalPath = null);

/// <summary>
/// Where photos, videos and originals are kept (<c>Storage:Files</c>): the data folder (<see cref="FolderFileStore"/>)
/// or an S3-compatible bucket (<see cref="BucketFileStore"/>). A stored file never changes under its name, and is there
/// whole or not at all. Work files (an upload streaming in, ffmpeg's output) are made in the data folder's scratch and
/// then put in the store.
/// </summary>
public interface IFileStore
{
    /// <summary>For messages and logs: "the data folder", or <c>s3://bucket</c> (never a credential).</summary>
    string Name { get; }

    /// <summary>How far the times it gives may be ahead of ours: the orphan sweep spares a file that much longer.</summary>
    TimeSpan ClockMargin { get; }

    /// <summary>Moves a finished file (flushed, in <see cref="DataPaths.Scratch"/>) in under its final name; the local file is gone after.</summary>
    Task PutAsync(FileArea area, string name, string localFile, CancellationToken cancellationToken);

    /// <returns>Null when the file is not there.</returns>
    Task<StoredFileInfo?> FindAsync(FileArea area, string name, CancellationToken cancellationToken);

    /// <summary>A seekable stream of a stored file (found by <see cref="FindAsync"/>), for a response with ranges.</summary>
    Task<Stream> OpenReadAsync(FileArea area, StoredFileInfo file, CancellationToken cancellationToken);

    /// <summary>A file on the disk for a program that needs one (ffmpeg): the file itself, or a copy in the scratch.</summary>
    Task<LocalFile> GetLocalAsync(FileArea area, StoredFileInfo file, CancellationToken cancellationToken);

    /// <summary>Deletes a file if it is there; one that cannot go is logged and left for the orphan sweep.</summary>
    /// <returns>True when a file was deleted.</returns>
    Task<bool> DeleteAsync(FileArea area, string name, CancellationToken cancellationToken = default);

    IAsyncEnumerable<StoredFileInfo> ListAsync(FileArea area, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a file out of the site's sight to <c>{aside}/uploads/</c> or <c>{aside}/originals/</c>: in the data folder,
    /// or under that prefix of the bucket (<c>restore --replace</c> keeps the site as it was there).
    /// </summary>
    Task MoveAsideAsync(FileArea area, string name, string aside, CancellationToken cancellationToken);

    /// <summary>For <c>/readyz</c>: null when the store answers, else why not (never a credential).</summary>
    Task<string?> ProblemAsync(CancellationToken cancellationToken);
}

/// <summary>A stored file on the disk; a copy made for the purpose is deleted with this.</summary>
public sealed class LocalFile(string path, bool isCopy) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose()
    {
        if (isCopy)
        {
            File.Delete(Path);
        }
    }
}
