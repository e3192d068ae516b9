using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Storage;
using Xunit.Sdk;

namespace MoiAimerToi.Tests.Storage;

/// <summary>
/// The two stores of photos and videos, for tests that run the same cases against both: <c>[InlineData(Stores.Folder)]</c>
/// and <c>[BucketData]</c> on a theory taking the store's kind.
/// </summary>
public static class Stores
{
    public const string Folder = "folder";
    public const string Bucket = "bucket";

    /// <summary>A store of that kind: the data folder's, or a new bucket of the run's one emulator.</summary>
    public static async Task<Func<DataPaths, IFileStore>> OfKindAsync(string kind)
    {
        if (kind == Folder)
        {
            return paths => new FolderFileStore(paths, NullLogger<FolderFileStore>.Instance);
        }

        var settings = await (await S3Server.SharedAsync()).NewBucketAsync();
        return paths => new BucketFileStore(Options.Create(S3Server.Options(settings)), paths, NullLogger<BucketFileStore>.Instance);
    }
}

/// <summary>The bucket's row of such a theory: skipped without s3rver (run <c>npm ci</c>), except under <c>CI=true</c>.</summary>
public sealed class BucketDataAttribute : DataAttribute
{
    public BucketDataAttribute()
    {
        if (!S3Server.Installed && !Browser.BrowserApp.OnCi)
        {
            Skip = "No s3rver: run 'npm ci' at the repository's root to run the bucket tests.";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Stores.Bucket]];
}
