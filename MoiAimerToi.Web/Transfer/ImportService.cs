using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Transfer;

/// <summary>
/// An uploaded ZIP, for the API and the page alike: an export of this site (it has <c>data.json</c>) is
/// restored, the old site's files (<c>moi_aimer_toi.db</c> and <c>uploads/</c>) are imported. Either way the
/// site's content is replaced, or, if anything is refused, nothing changes at all.
/// </summary>
public sealed class ImportService(
    RestoreService restore,
    LegacyImportService legacy,
    DataPaths paths,
    IOptions<TransferOptions> options,
    IStringLocalizer<SharedResource> text,
    ILogger<ImportService> logger)
{
    public const string LegacyDatabaseName = "moi_aimer_toi.db";
    private const string LegacyUploadsFolder = "uploads/";

    /// <returns>What was imported, or one <c>file</c> error (of kind TooLarge over the size limit).</returns>
    public async Task<Outcome<ImportSummary>> ImportAsync(Stream upload, string? userId, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        try
        {
            if (upload.CanSeek)
            {
                return await ImportAsync(upload, limits, userId, cancellationToken);
            }

            using var copy = TemporaryFile.Create(paths);
            if (!await copy.WriteAsync(upload, limits.MaxImportBytes, cancellationToken))
            {
                throw TooLarge(limits);
            }

            await using var seekable = copy.OpenRead();
            return await ImportAsync(seekable, limits, userId, cancellationToken);
        }
        catch (ImportRefusedException refused)
        {
            logger.LogInformation("An import was refused and changed nothing: {Reason}", refused.Message);
            return Outcome<ImportSummary>.Failure([refused.ToFieldError()]);
        }
    }

    private async Task<ImportSummary> ImportAsync(Stream upload, TransferOptions limits, string? userId, CancellationToken cancellationToken)
    {
        if (upload.Length > limits.MaxImportBytes)
        {
            throw TooLarge(limits);
        }

        using var archive = SafeArchive.Open(upload, limits, text);
        if (archive.Contains(ExportDocument.EntryName))
        {
            return await restore.RestoreAsync(archive, userId, cancellationToken);
        }

        var database = LegacyDatabaseEntry(archive) ?? throw new ImportRefusedException(text["Error_ImportUnknownZip"]);
        using var copy = TemporaryFile.Create(paths);
        await using (var source = archive.Open(database))
        {
            await copy.WriteAsync(source, limits.MaxEntryBytes, cancellationToken);
        }

        var folder = database[..^LegacyDatabaseName.Length];
        return await legacy.ImportAsync(copy.FilePath, new ZipPhotoSource(archive, folder + LegacyUploadsFolder), userId, cancellationToken);
    }

    /// <summary>The old database, at the top or in one folder (as when the old site's folder was zipped whole); macOS's shadow copies aside.</summary>
    private static string? LegacyDatabaseEntry(SafeArchive archive) => archive.Names
        .Where(n => (n == LegacyDatabaseName || n.EndsWith("/" + LegacyDatabaseName, StringComparison.Ordinal)) && !n.StartsWith("__MACOSX/", StringComparison.Ordinal))
        .OrderBy(n => n.Count(c => c == '/'))
        .FirstOrDefault();

    private ImportRefusedException TooLarge(TransferOptions limits) =>
        new(text["Error_ImportTooLarge", SafeArchive.Megabytes(limits.MaxImportBytes)], ErrorKind.TooLarge);
}
