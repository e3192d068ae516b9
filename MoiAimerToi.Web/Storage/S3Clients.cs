using Amazon.Runtime;
using Amazon.S3;

namespace MoiAimerToi.Web.Storage;

public static class S3Clients
{
    /// <summary>
    /// A client of the store <paramref name="s3"/> names, by path-style addresses, with checksums only where the
    /// operation requires them: stores other than AWS may keep a checksummed, chunked body with its framing.
    /// </summary>
    /// <param name="timeout">A whole request's, each try; a backup's copy of a long video takes its time.</param>
    public static AmazonS3Client Create(S3Options s3, TimeSpan? timeout = null, int retries = 2)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = timeout ?? TimeSpan.FromMinutes(5),
            MaxErrorRetry = retries,
        };
        if (!string.IsNullOrEmpty(s3.Endpoint))
        {
            config.ServiceURL = s3.Endpoint;
            config.AuthenticationRegion = s3.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(s3.Region);
        }

        return new AmazonS3Client(new BasicAWSCredentials(s3.AccessKeyId, s3.SecretAccessKey), config);
    }
}
