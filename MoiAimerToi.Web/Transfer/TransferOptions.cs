namespace MoiAimerToi.Web.Transfer;

/// <summary>The <c>Transfer</c> section: how much an imported ZIP may hold. Photos inside also meet the <c>Photos</c> limits.</summary>
public sealed class TransferOptions
{
    public const string Section = "Transfer";

    /// <summary>The uploaded ZIP itself.</summary>
    public long MaxImportBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Files and folders in the ZIP.</summary>
    public int MaxEntries { get; set; } = 20_000;

    /// <summary>One entry once decompressed (data.json, the old database, a photo).</summary>
    public long MaxEntryBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Every entry together, once decompressed.</summary>
    public long MaxTotalBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Decompressed size over compressed size beyond which an entry (of more than a megabyte) is taken for a bomb.</summary>
    public int MaxCompressionRatio { get; set; } = 100;
}
