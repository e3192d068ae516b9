using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace MoiAimerToi.Web.Storage;

/// <summary>
/// The stored files in an S3-compatible bucket (<c>Storage:Files=s3</c>), under <c>uploads/</c> and <c>originals/</c>.
/// Nothing in it is public: the site reads each file and serves it under its own rules. An object appears under its
/// key only once whole (S3 writes are atomic), and its Content-MD5 makes the store refuse a body that changed on the way.
/// </summary>
public sealed class BucketFileStore(IOptions<S3Options> options, DataPaths paths, ILogger<BucketFileStore> logger) : IFileStore, IDisposable
{
    private readonly AmazonS3Client _client = S3Clients.Create(options.Value);
    private readonly string _bucket = options.Value.Bucket ?? throw new InvalidOperationException("S3:Bucket is not set.");

    /// <summary>
    /// The store's clock is not the site's: a time it gives is taken as up to this much later, so that the orphan sweep
    /// never takes an object put just after the start (its row not yet saved) for one from before.
    /// </summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(5);

    public string Name => $"s3://{_bucket}";

    public Task PutAsync(FileArea area, string name, string localFile, CancellationToken cancellationToken) =>
        PutKeyAsync(KeyOf(area, name), localFile, cancellationToken);

    public Task<StoredFileInfo?> FindAsync(FileArea area, string name, CancellationToken cancellationToken) => Calling(async () =>
    {
        try
        {
            var head = await _client.GetObjectMetadataAsync(_bucket, KeyOf(area, name), cancellationToken);
            return new StoredFileInfo(name, head.ContentLength, WrittenAt(head.LastModified));
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return (StoredFileInfo?)null;
        }
    });

    public Task<Stream> OpenReadAsync(FileArea area, StoredFileInfo file, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new BucketObjectStream(_client, _bucket, KeyOf(area, file.Name), file.Length));

    public Task<LocalFile> GetLocalAsync(FileArea area, StoredFileInfo file, CancellationToken cancellationToken) => Calling(async () =>
    {
        var copy = StoredFiles.NewScratchFile(paths, Path.GetExtension(file.Name));
        try
        {
            using var response = await _client.GetObjectAsync(_bucket, KeyOf(area, file.Name), cancellationToken);
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
            await _client.DeleteObjectAsync(_bucket, KeyOf(area, name), cancellationToken);
            return true;
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            logger.LogWarning("Could not delete {Key} from {Store}: {Reason}", KeyOf(area, name), Name, exception.Message);
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
            page = await Calling(() => _client.ListObjectsV2Async(request, cancellationToken));
            foreach (var item in page.S3Objects ?? [])
            {
                yield return new StoredFileInfo(item.Key[prefix.Length..], item.Size ?? 0, WrittenAt(item.LastModified));
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

        await Calling(() => _client.DeleteObjectAsync(_bucket, KeyOf(area, name), cancellationToken));
    }

    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, MaxKeys = 1 }, cancellationToken);
            return null;
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            logger.LogWarning("{Store} does not answer: {Reason}", Name, exception.Message);
            return $"The bucket {Name} does not answer.";
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task PutKeyAsync(string key, string localFile, CancellationToken cancellationToken)
    {
        byte[] md5;
        await using (var file = File.OpenRead(localFile))
        {
            md5 = await MD5.HashDataAsync(file, cancellationToken);
        }

        var put = new PutObjectRequest { BucketName = _bucket, Key = key, FilePath = localFile, MD5Digest = Convert.ToBase64String(md5), UseChunkEncoding = false };
        await Calling(() => _client.PutObjectAsync(put, cancellationToken));
        File.Delete(localFile);
    }

    private static DateTime WrittenAt(DateTime? lastModified) => (lastModified?.ToUniversalTime() ?? DateTime.UtcNow) + ClockMargin;

    private static string KeyOf(FileArea area, string name) => $"{FolderFileStore.FolderName(area)}/{name}";

    private static bool IsStoreFailure(Exception exception) =>
        exception is AmazonServiceException or AmazonClientException or HttpRequestException or IOException
            || exception is TaskCanceledException { CancellationToken.IsCancellationRequested: false };

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
        catch (Exception exception) when (IsStoreFailure(exception) && exception is not FileStoreUnavailableException)
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
