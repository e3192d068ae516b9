using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Backups;

/// <summary>
/// Where backups are copied to, by keys such as <c>snapshots/…db</c> and <c>files/uploads/…</c>: a folder or a bucket.
/// A put is read back and compared with its source (size and SHA-256) before the copy counts; a get is checked too.
/// </summary>
public interface ICopyTarget
{
    /// <summary>For messages and logs: the folder, or <c>s3://bucket/prefix</c> (never a credential).</summary>
    string Name { get; }

    /// <summary>Every finished copy under the prefix, with its size.</summary>
    Task<IReadOnlyDictionary<string, long>> ListAsync(string prefix, CancellationToken cancellationToken);

    Task PutVerifiedAsync(string key, string file, CancellationToken cancellationToken);

    Task GetVerifiedAsync(string key, string file, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

public static class CopyTargets
{
    public const string BucketScheme = "s3://";

    public static bool IsBucket(string address) => address.StartsWith(BucketScheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>A folder (an absolute path) or <c>s3://bucket[/prefix]</c>.</summary>
    public static ICopyTarget From(string address, S3Options s3)
    {
        if (!IsBucket(address))
        {
            return new FolderTarget(Path.GetFullPath(address));
        }

        var rest = address[BucketScheme.Length..].Trim('/');
        var slash = rest.IndexOf('/');
        return slash < 0 ? new BucketTarget(s3, rest, "") : new BucketTarget(s3, rest[..slash], rest[(slash + 1)..].Trim('/') + "/");
    }

    internal static async Task<byte[]> Sha256Async(string file, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return await SHA256.HashDataAsync(stream, cancellationToken);
    }
}

/// <summary>A folder on another disk; keys are paths below it.</summary>
public sealed class FolderTarget(string root) : ICopyTarget
{
    public string Root { get; } = root;

    public string Name => Root;

    public Task<IReadOnlyDictionary<string, long>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var folder = PathOf(prefix);
        IReadOnlyDictionary<string, long> found = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(BackupCopy.TemporarySuffix, StringComparison.Ordinal))
                .ToDictionary(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'), f => new FileInfo(f).Length)
            : new Dictionary<string, long>();
        return Task.FromResult(found);
    }

    public Task PutVerifiedAsync(string key, string file, CancellationToken cancellationToken)
    {
        var to = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        return BackupCopy.CopyVerifiedAsync(file, to, cancellationToken);
    }

    public Task GetVerifiedAsync(string key, string file, CancellationToken cancellationToken) =>
        BackupCopy.CopyVerifiedAsync(PathOf(key), file, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
}

/// <summary>
/// A bucket of an S3-compatible store, by path-style addresses; each object carries its SHA-256 in its metadata. An
/// object appears under its key only once whole (S3 writes are atomic), and one that does not read back as its source
/// is deleted again.
/// </summary>
public sealed class BucketTarget : ICopyTarget
{
    private const string HashMetadata = "sha256";

    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;

    public BucketTarget(S3Options s3, string bucket, string prefix)
    {
        (_bucket, _prefix) = (bucket, prefix);
        _client = S3Clients.Create(s3);
    }

    public string Name => $"{CopyTargets.BucketScheme}{_bucket}/{_prefix}";

    public async Task<IReadOnlyDictionary<string, long>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, long>();
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix + prefix };
        ListObjectsV2Response page;
        do
        {
            page = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                found[item.Key[_prefix.Length..]] = item.Size ?? 0;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        return found;
    }

    public async Task PutVerifiedAsync(string key, string file, CancellationToken cancellationToken)
    {
        var expected = Convert.ToHexString(await CopyTargets.Sha256Async(file, cancellationToken));
        var put = new PutObjectRequest { BucketName = _bucket, Key = _prefix + key, FilePath = file, UseChunkEncoding = false };
        put.Metadata.Add(HashMetadata, expected);
        await _client.PutObjectAsync(put, cancellationToken);
        try
        {
            // Read back and hashed as it streams in: nothing of it is written outside the data folder.
            using var response = await _client.GetObjectAsync(_bucket, _prefix + key, cancellationToken);
            if (Convert.ToHexString(await SHA256.HashDataAsync(response.ResponseStream, cancellationToken)) != expected)
            {
                throw new IOException($"The copy of {Path.GetFileName(file)} in {Name} does not read back as its source (SHA-256).");
            }
        }
        catch
        {
            // Not checked is not good: an object left behind would pass for copied by its size.
            await DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }

    public async Task GetVerifiedAsync(string key, string file, CancellationToken cancellationToken)
    {
        var temporary = file + BackupCopy.TemporarySuffix;
        try
        {
            using (var response = await _client.GetObjectAsync(_bucket, _prefix + key, cancellationToken))
            {
                var expected = response.Metadata[HashMetadata]
                    ?? throw new IOException($"{key} in {Name} has no checksum: it was not written by a backup.");
                await using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    await response.ResponseStream.CopyToAsync(output, cancellationToken);
                }

                if (Convert.ToHexString(await CopyTargets.Sha256Async(temporary, cancellationToken)) != expected)
                {
                    throw new IOException($"{key} in {Name} does not match the checksum it was stored with.");
                }
            }

            File.Move(temporary, file, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        _client.DeleteObjectAsync(_bucket, _prefix + key, cancellationToken);

}
