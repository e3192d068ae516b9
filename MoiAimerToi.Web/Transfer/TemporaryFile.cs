using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Transfer;

/// <summary>A scratch file under the data directory's <c>tmp/</c> (the site writes nowhere else), deleted when disposed.</summary>
internal sealed class TemporaryFile : IDisposable
{
    private TemporaryFile(string path) => FilePath = path;

    public string FilePath { get; }

    public static TemporaryFile Create(DataPaths paths)
    {
        var folder = Path.Combine(paths.Root, "tmp");
        Directory.CreateDirectory(folder);
        return new TemporaryFile(Path.Combine(folder, Guid.NewGuid().ToString("N") + ".tmp"));
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes; returns false, having written part, when the source holds more.</summary>
    public async Task<bool> WriteAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        await using var target = new FileStream(FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true);
        var buffer = new byte[81_920];
        long written = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            written += read;
            if (written > limit)
            {
                return false;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }

    public FileStream OpenRead() => new(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);

    public void Dispose()
    {
        try
        {
            File.Delete(FilePath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the operator: it is in tmp/, and holds nothing the site relies on.
        }
    }
}
