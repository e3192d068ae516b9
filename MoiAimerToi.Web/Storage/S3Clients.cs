using Amazon.Runtime;
using Amazon.S3;

namespace MoiAimerToi.Web.Storage;

public static class S3Clients
{
    /// <summary>
    /// A client of the store <paramref name="s3"/> names, by path-style addresses, with checksums only where the
    /// operation requires them: stores other than AWS may keep a checksummed, chunked body with its framing.
    /// </summary>
    public static AmazonS3Client Create(S3Options s3)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            // A store that does not answer fails an upload in minutes, not a quarter of an hour; a long video still fits.
            Timeout = TimeSpan.FromMinutes(5),
            MaxErrorRetry = 2,
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
