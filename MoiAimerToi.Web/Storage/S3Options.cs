namespace MoiAimerToi.Web.Storage;

/// <summary>
/// An S3-compatible store (AWS, or any other: MinIO, Garage, a provider's object storage): <c>S3:Bucket</c> (for
/// <c>Storage:Files=s3</c>), <c>S3:Endpoint</c>, <c>S3:Region</c>, <c>S3:AccessKeyId</c>, <c>S3:SecretAccessKey</c>, or the
/// platforms' <c>S3_BUCKET</c>, <c>S3_ENDPOINT</c>, <c>S3_REGION</c>, <c>S3_ACCESS_KEY_ID</c>, <c>S3_SECRET_ACCESS_KEY</c>.
/// The secret is never logged nor shown.
/// </summary>
public sealed class S3Options
{
    public const string Section = "S3";

    /// <summary>The bucket of the photos and videos when <c>Storage:Files=s3</c>; backups name theirs in <c>Backup:CopyTo</c>.</summary>
    public string? Bucket { get; set; }

    /// <summary>The store's address (<c>https://s3.example.org</c>); none for AWS itself, found from the region.</summary>
    public string? Endpoint { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string? AccessKeyId { get; set; }

    /// <summary>
    /// How long the files' store may take over one photo's or video's body, each of two tries (a hung store fails an
    /// upload within twice this; a head or a listing within 10 s each try).
    /// </summary>
    public int TimeoutSeconds { get; set; } = 120;

    public string? SecretAccessKey { get; set; }

    public bool HasCredentials => !string.IsNullOrEmpty(AccessKeyId) && !string.IsNullOrEmpty(SecretAccessKey);

    /// <summary>The platforms' variables, where the section does not say otherwise.</summary>
    public void FillFrom(IConfiguration configuration)
    {
        Bucket ??= configuration["S3_BUCKET"];
        Endpoint ??= configuration["S3_ENDPOINT"];
        Region = configuration["S3_REGION"] is { Length: > 0 } region && configuration[$"{Section}:Region"] is null ? region : Region;
        AccessKeyId ??= configuration["S3_ACCESS_KEY_ID"];
        SecretAccessKey ??= configuration["S3_SECRET_ACCESS_KEY"];
    }
}
