namespace MoiAimerToi.Web.Storage;

public static class StoredFiles
{
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
