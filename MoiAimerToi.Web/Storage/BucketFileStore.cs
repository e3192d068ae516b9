using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Media;

namespace MoiAimerToi.Web.Storage;

/// <summary>
/// The stored files in an S3-compatible bucket (<c>Storage:Files=s3</c>), under <c>uploads/</c> and <c>originals/</c>.
/// Nothing in it is public: the site reads each file and serves it under its own rules. An object appears under its
/// key only once whole (S3 writes are atomic), and its Content-MD5 makes the store refuse a body that changed on the way.
/// A store that refuses, hangs or has no such bucket is a <see cref="FileStoreUnavailableException"/>, never a missing file.
/// </summary>
public sealed class BucketFileStore : IFileStore, IDisposable
{
    /// <summary>How long a bucket that was there is taken to be there still, before a missing object asks again.</summary>
    private static readonly TimeSpan BucketSeenFor = TimeSpan.FromMinutes(1);

    /// <summary>Bodies (a photo, a video): up to <c>S3:TimeoutSeconds</c>, retried once.</summary>
    private readonly AmazonS3Client _bodies;

    /// <summary>Heads, listings and deletes, a few bytes each: a hung store is known in seconds.</summary>
    private readonly AmazonS3Client _quick;

    private readonly string _bucket;
    private readonly DataPaths _paths;
    private readonly ILogger<BucketFileStore> _logger;
    private DateTime _bucketSeen = DateTime.MinValue;

    public BucketFileStore(IOptions<S3Options> options, DataPaths paths, ILogger<BucketFileStore> logger)
    {
        var s3 = options.Value;
        _bucket = s3.Bucket ?? throw new InvalidOperationException("S3:Bucket is not set.");
        _bodies = S3Clients.Create(s3, TimeSpan.FromSeconds(s3.TimeoutSeconds), retries: 1);
        _quick = S3Clients.Create(s3, TimeSpan.FromSeconds(Math.Min(10, s3.TimeoutSeconds)), retries: 2);
        (_paths, _logger) = (paths, logger);
    }

    public string Name => $"s3://{_bucket}";

    /// <summary>The store's clock is not the site's: the orphan sweep takes its times as up to this much later.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    public TimeSpan ClockMargin => Margin;

    public Task PutAsync(FileArea area, string name, string localFile, CancellationToken cancellationToken) =>
        PutKeyAsync(KeyOf(area, name), localFile, cancellationToken);

    public Task<StoredFileInfo?> FindAsync(FileArea area, string name, CancellationToken cancellationToken) => Calling(async () =>
    {
        try
        {
            var head = await _quick.GetObjectMetadataAsync(_bucket, KeyOf(area, name), cancellationToken);
            _bucketSeen = DateTime.UtcNow;
            return new StoredFileInfo(name, head.ContentLength, head.LastModified?.ToUniversalTime() ?? DateTime.UnixEpoch);
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            // A head's 404 says no more than "not found": a bucket that is not there must not pass for a missing file.
            if (DateTime.UtcNow - _bucketSeen > BucketSeenFor)
            {
                await CheckBucketAsync(cancellationToken);
            }

            return (StoredFileInfo?)null;
        }
    });

    public Task<Stream> OpenReadAsync(FileArea area, StoredFileInfo file, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new BucketObjectStream(_bodies, _bucket, KeyOf(area, file.Name), file.Length));

    public Task<LocalFile> GetLocalAsync(FileArea area, StoredFileInfo file, CancellationToken cancellationToken) => Calling(async () =>
    {
        var copy = StoredFiles.NewScratchFile(_paths, Path.GetExtension(file.Name));
        try
        {
            using var response = await _bodies.GetObjectAsync(_bucket, KeyOf(area, file.Name), cancellationToken);
            await using var output = new FileStream(copy, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true);
            await response.ResponseStream.CopyToAsync(output, cancellationToken);
        }
        catch
        {
            File.Delete(copy);
            throw;
        }

        return new LocalFile(copy, isCopy: true);
    });

    public async Task<bool> DeleteAsync(FileArea area, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            await _quick.DeleteObjectAsync(_bucket, KeyOf(area, name), cancellationToken);
            return true;
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            _logger.LogWarning("Could not delete {Key} from {Store}, left for the orphan sweep: {Reason}", KeyOf(area, name), Name, exception.Message);
            return false;
        }
    }

    public async IAsyncEnumerable<StoredFileInfo> ListAsync(FileArea area, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = KeyOf(area, "");
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await Calling(() => _quick.ListObjectsV2Async(request, cancellationToken));
            foreach (var item in page.S3Objects ?? [])
            {
                yield return new StoredFileInfo(item.Key[prefix.Length..], item.Size ?? 0, item.LastModified?.ToUniversalTime() ?? DateTime.UnixEpoch);
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
    }

    /// <summary>Read and written again rather than copied in the store: not every S3-compatible store copies alike.</summary>
    public async Task MoveAsideAsync(FileArea area, string name, string aside, CancellationToken cancellationToken)
    {
        var file = await FindAsync(area, name, cancellationToken) ?? throw new FileNotFoundException($"The object is not in {Name}.");
        using (var local = await GetLocalAsync(area, file, cancellationToken))
        {
            await PutKeyAsync($"{aside}/{KeyOf(area, name)}", local.Path, cancellationToken);
        }

        await Calling(() => _quick.DeleteObjectAsync(_bucket, KeyOf(area, name), cancellationToken));
    }

    /// <summary>A listing of a prefix the site never writes: the bucket is there and the keys may read it, or why not.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CheckBucketAsync(cancellationToken);
            return null;
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            _logger.LogWarning("{Store} does not answer: {Reason}", Name, exception.Message);
            return "The bucket does not answer.";
        }
    }

    public void Dispose()
    {
        _bodies.Dispose();
        _quick.Dispose();
    }

    private const string NeverAKey = "moi-aimer-toi-checks-the-bucket/";

    /// <summary>
    /// Whether the bucket is there and answers: a listing of a prefix never written (s3rver fails one-key listings of a
    /// full bucket), which throws when it is not.
    /// </summary>
    private async Task CheckBucketAsync(CancellationToken cancellationToken)
    {
        await _quick.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = NeverAKey, MaxKeys = 1 }, cancellationToken);
        _bucketSeen = DateTime.UtcNow;
    }

    private async Task PutKeyAsync(string key, string localFile, CancellationToken cancellationToken)
    {
        byte[] md5;
        await using (var file = File.OpenRead(localFile))
        {
            md5 = await MD5.HashDataAsync(file, cancellationToken);
        }

        var put = new PutObjectRequest { BucketName = _bucket, Key = key, FilePath = localFile, MD5Digest = Convert.ToBase64String(md5), UseChunkEncoding = false };
        await Calling(() => _bodies.PutObjectAsync(put, cancellationToken));
        File.Delete(localFile);
    }

    private static string KeyOf(FileArea area, string name) => $"{FolderFileStore.FolderName(area)}/{name}";

    /// <summary>
    /// The store refused, hung (the SDK's own timeout) or dropped the connection; not a full disk of ours, nor the
    /// caller giving up.
    /// </summary>
    private static bool IsStoreFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        FileStoreUnavailableException => false,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        IOException io => !MediaUpload.IsDiskFull(io),
        AmazonServiceException or AmazonClientException or HttpRequestException or TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// The SDK's failures as one kind, so that an upload says « try again » and nothing half-saved stays; an object
    /// that is not there is a <see cref="FileNotFoundException"/>, as it is on the disk.
    /// </summary>
    private async Task<T> Calling<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound && missing.ErrorCode == "NoSuchKey")
        {
            throw new FileNotFoundException($"The object is not in {Name}.", missing);
        }
        catch (Exception exception) when (IsStoreFailure(exception, CancellationToken.None) && exception is not OperationCanceledException { CancellationToken.IsCancellationRequested: true })
        {
            throw new FileStoreUnavailableException(Name, exception);
        }
    }

    private Task Calling(Func<Task> call) => Calling(async () =>
    {
        await call();
        return true;
    });
}

/// <summary>The file store did not answer, or refused: nothing was stored; the person may try again.</summary>
public sealed class FileStoreUnavailableException(string store, Exception inner)
    : IOException($"{store} did not answer ({inner.GetType().Name}: {inner.Message})", inner);
