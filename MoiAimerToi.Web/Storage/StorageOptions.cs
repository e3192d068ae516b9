namespace MoiAimerToi.Web.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Storage:Files</c>: where photos, videos and originals are kept.</summary>
    public const string InFolder = "folder";

    /// <summary>In the bucket <c>S3:Bucket</c> names (<see cref="S3Options"/>): for platforms whose disk does not last.</summary>
    public const string InBucket = "s3";

    /// <summary>Relative paths are taken from the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public string Files { get; set; } = InFolder;

    public bool FilesInBucket => string.Equals(Files, InBucket, StringComparison.OrdinalIgnoreCase);
}
