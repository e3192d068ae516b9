using System.Runtime.CompilerServices;

namespace MoiAimerToi.Web.Storage;

/// <summary>
/// The stored files in the data folder's <c>uploads/</c> and <c>originals/</c>: a file is renamed in from the scratch
/// (one disk, so the rename is atomic), and so is whole under its final name, even after a power cut.
/// </summary>
public sealed class FolderFileStore(DataPaths paths, ILogger<FolderFileStore> logger) : IFileStore
{
    public string Name => "the data folder";

    public TimeSpan ClockMargin => TimeSpan.Zero;

    public Task PutAsync(FileArea area, string name, string localFile, CancellationToken cancellationToken)
    {
        File.Move(localFile, PathOf(area, name), overwrite: true);
        return Task.CompletedTask;
    }

    public Task<StoredFileInfo?> FindAsync(FileArea area, string name, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(area, name));
        return Task.FromResult(file.Exists ? Info(file) : null);
    }

    public Task<Stream> OpenReadAsync(FileArea area, StoredFileInfo file, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(PathOf(area, file.Name), FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true));

    public Task<LocalFile> GetLocalAsync(FileArea area, StoredFileInfo file, CancellationToken cancellationToken) =>
        File.Exists(PathOf(area, file.Name))
            ? Task.FromResult(new LocalFile(PathOf(area, file.Name), isCopy: false))
            : Task.FromException<LocalFile>(new FileNotFoundException($"{file.Name} is not in the data folder."));

    public Task<bool> DeleteAsync(FileArea area, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(StoredFiles.TryDelete(PathOf(area, name), logger));

    public async IAsyncEnumerable<StoredFileInfo> ListAsync(FileArea area, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Read whole first, as the old code did: its callers may delete or move files as they go.
        foreach (var file in new DirectoryInfo(FolderOf(area)).GetFiles())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Info(file);
        }

        await Task.CompletedTask;
    }

    public Task MoveAsideAsync(FileArea area, string name, string aside, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(paths.Root, aside, FolderName(area))).FullName;
        File.Move(PathOf(area, name), Path.Combine(folder, name));
        return Task.CompletedTask;
    }

    public Task<string?> ProblemAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    private static StoredFileInfo Info(FileInfo file) => new(file.Name, file.Length, file.LastWriteTimeUtc, file.FullName);

    public static string FolderName(FileArea area) => area == FileArea.Uploads ? "uploads" : "originals";

    private string FolderOf(FileArea area) => area == FileArea.Uploads ? paths.Uploads : paths.Originals;

    private string PathOf(FileArea area, string name) => Path.Combine(FolderOf(area), name);
}
