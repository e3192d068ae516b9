namespace MoiAimerToi.Web.Storage;

public static class StoredFiles
{
    /// <summary>How the scratch's files on their way into the store begin (<see cref="NewScratchFile"/>), for the sweep.</summary>
    public const string ScratchPrefix = "store-";

    /// <summary>A new path in the scratch for a file that will be put in the store.</summary>
    public static string NewScratchFile(DataPaths paths, string extension = "") =>
        Path.Combine(paths.Scratch, $"{ScratchPrefix}{Guid.NewGuid():N}{extension}");

    /// <summary>
    /// Deletes the files of <paramref name="folder"/> that <paramref name="isOrphan"/> (given a file's name) calls
    /// orphans and that were written before <paramref name="writtenBefore"/> (UTC): younger ones may belong to work under way.
    /// </summary>
    /// <param name="what">What they are, for the log line: "photo files no memory refers to".</param>
    /// <returns>How many files were deleted.</returns>
    public static int DeleteOrphans(string folder, Func<string, bool> isOrphan, DateTime writtenBefore, string what, ILogger logger)
    {
        var deleted = 0;
        foreach (var path in Directory.GetFiles(folder))
        {
            if (isOrphan(Path.GetFileName(path)) && File.GetLastWriteTimeUtc(path) <= writtenBefore && TryDelete(path, logger))
            {
                deleted++;
            }
        }

        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} {What}", deleted, what);
        }

        return deleted;
    }

    /// <summary>As <see cref="DeleteOrphans"/>, over a store's listing: the same rule for the data folder and a bucket.</summary>
    public static async Task<int> DeleteOrphansAsync(
        IFileStore store, FileArea area, Func<string, bool> isOrphan, DateTime writtenBefore, string what, ILogger logger, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var file in store.ListAsync(area, cancellationToken))
        {
            if (isOrphan(file.Name) && file.LastModifiedUtc + store.ClockMargin <= writtenBefore && await store.DeleteAsync(area, file.Name, cancellationToken))
            {
                deleted++;
            }
        }

        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} {What} from {Store}", deleted, what, store.Name);
        }

        return deleted;
    }

    /// <summary>Deletes a file if it is there; a file that cannot go is logged and left for the next sweep.</summary>
    /// <returns>True when a file was deleted.</returns>
    public static bool TryDelete(string path, ILogger logger)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "Could not delete {Path}", path);
            return false;
        }
    }
}
