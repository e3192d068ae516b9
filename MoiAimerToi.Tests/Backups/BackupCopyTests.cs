using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Media;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Backups;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Tests.Backups;

/// <summary>Backups copied off the machine (<c>Backup:CopyTo</c>), and the <c>restore</c> command that rebuilds a site from such a copy.</summary>
public sealed class BackupCopyTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 22, 15, 0, TimeSpan.Zero);

    private readonly string _copy = Folder("copy");
    private readonly string _restored = Folder("restored");

    private static string Folder(string name) => Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", $"backup-{name}-{Guid.NewGuid():N}");

    [Fact]
    public Task To_A_Folder_Each_Backup_Goes_With_Every_File_Once_And_Restore_Rebuilds_A_Working_Site() =>
        RoundTripAsync(_copy, new Dictionary<string, string?>());

    [S3Fact]
    public async Task To_A_Bucket_Each_Backup_Goes_With_Every_File_Once_And_Restore_Rebuilds_A_Working_Site()
    {
        await using var s3 = await S3Server.StartAsync();
        await RoundTripAsync($"s3://{S3Server.Bucket}/moi", s3.Settings());
    }

    [S3Fact]
    public async Task From_A_Site_On_A_Bucket_Every_Object_Is_Copied_And_Restore_Puts_Them_In_The_New_Site_S_Bucket()
    {
        var s3 = await S3Server.SharedAsync();
        await using var site = new AppFactory { Settings = { ["Backup:CopyTo"] = _copy } };
        foreach (var (key, value) in await s3.NewBucketAsync())
        {
            site.Settings[key] = value;
        }

        var api = site.CreateKeyClient();
        var memory = await AlbumApiTests.CreateMemoryAsync(api, "Le seau");
        await AlbumApiTests.AddAsync(api, memory, TestImages.Jpeg(1200, 900), "IMG_0002.JPG");
        var store = site.Service<IFileStore>();
        var objects = new List<string>();
        foreach (var (name, area, _) in BackupCopy.Areas)
        {
            objects.AddRange((await store.ListAsync(area, CancellationToken.None).ToListAsync()).Select(f => $"files/{name}/{f.Name}"));
        }

        await site.Service<BackupService>().BackupNowAsync();

        Assert.Equal(4, objects.Count); // Three sizes of the photo, and its original.
        var copied = await site.Service<BackupCopy>().Target!.ListAsync("files/", CancellationToken.None);
        Assert.Equal(objects.Order(), copied.Keys.Order());

        // Rebuilt into a new site whose files are in a bucket of its own: they go there, not to its disk.
        var into = await s3.NewBucketAsync();
        var (code, output, errors) = await CommandProcess.RunAsync(_restored, into, "", "restore", _copy);
        Assert.True(code == 0, errors);
        Assert.Contains("with 4 files", output);
        Assert.Empty(Directory.GetFiles(Path.Combine(_restored, "uploads")));
        await using (var server = await ServerProcess.StartAsync(_restored, into.ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!)))
        {
            using var client = server.CreateClient();
            var restored = JsonDocument.Parse(await client.GetStringAsync($"/api/memories/{memory}")).RootElement;
            var photo = restored.GetProperty("media").EnumerateArray().Single();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(photo.GetProperty("url").GetString())).StatusCode);
        }

        // Replaced, its objects are kept under a prefix of its bucket, and the copy's are put back.
        (code, output, errors) = await CommandProcess.RunAsync(_restored, into, "", "restore", _copy, "--replace");
        Assert.True(code == 0, errors);
        Assert.Contains("its files under before-restore-", output);
        using var client3 = S3Clients.Create(S3Server.Options(into));
        var keys = (await client3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = into["S3:Bucket"] })).S3Objects.Select(o => o.Key).ToList();
        Assert.Equal(4, keys.Count(k => k.StartsWith("before-restore-", StringComparison.Ordinal)));
        Assert.Equal(4, keys.Count(k => k.StartsWith("uploads/", StringComparison.Ordinal) || k.StartsWith("originals/", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The same case for both kinds of copy (and each kind of snapshot the settings choose): three backups, the files
    /// once, two snapshots kept, then a site rebuilt from the copy alone.
    /// </summary>
    internal async Task RoundTripAsync(string copyTo, Dictionary<string, string?> settings)
    {
        await using var site = new AppFactory { Settings = { ["Backup:CopyTo"] = copyTo, ["Backup:Keep"] = "2" } };
        foreach (var (key, value) in settings)
        {
            site.Settings[key] = value;
        }

        site.Clock.Set(Start);
        var api = site.CreateKeyClient();
        var memory = await AlbumApiTests.CreateMemoryAsync(api, "Le lac");
        await AlbumApiTests.AddAsync(api, memory, TestImages.Jpeg(1600, 1200), "IMG_0001.JPG");
        var backups = site.Service<BackupService>();
        var copy = site.Service<BackupCopy>();
        var target = copy.Target!;
        var paths = site.Service<DataPaths>();
        var extension = site.Service<DatabaseSnapshot>().Extension;

        // An upload still coming in (a temporary name) is no file to keep.
        await File.WriteAllTextAsync(Path.Combine(paths.Uploads, "stray.tmp"), "half");
        var first = await backups.BackupNowAsync();
        Assert.EndsWith(extension, first.Path);
        Assert.DoesNotContain((await target.ListAsync("files/", CancellationToken.None)).Keys, key => key.EndsWith("stray.tmp"));
        File.Delete(Path.Combine(paths.Uploads, "stray.tmp"));

        Assert.Equal(Sha256(first.Path), await CopiedSha256Async(target, "snapshots/" + Path.GetFileName(first.Path)));
        foreach (var (name, folder) in new[] { ("uploads", paths.Uploads), ("originals", paths.Originals) })
        {
            var files = Directory.GetFiles(folder);
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                Assert.Equal(Sha256(file), await CopiedSha256Async(target, $"files/{name}/{Path.GetFileName(file)}"));
            }
        }

        Assert.DoesNotContain((await target.ListAsync("", CancellationToken.None)).Keys, key => key.EndsWith(".partial"));
        Assert.Contains(site.Logs.Lines, line => line.Contains("copied to"));
        if (settings.TryGetValue("S3:SecretAccessKey", out var secret))
        {
            Assert.DoesNotContain(site.Logs.Lines, line => line.Contains(secret!));
        }

        // A file already copied is not copied again; only the newest Backup:Keep snapshots stay.
        site.Clock.Set(Start.AddHours(1));
        var again = await copy.CopyAsync(await backups.BackupNowAsync());
        Assert.Equal(0, again.FilesCopied);
        site.Clock.Set(Start.AddHours(2));
        var newest = await backups.BackupNowAsync();
        var snapshots = (await target.ListAsync("snapshots/", CancellationToken.None)).Keys.Where(k => k.EndsWith(extension)).ToList();
        Assert.Equal(2, snapshots.Count);
        Assert.DoesNotContain("snapshots/" + Path.GetFileName(first.Path), snapshots);

        // A site rebuilt elsewhere from the copy alone: the memory and its photo are there.
        var (code, output, errors) = await CommandProcess.RunAsync(_restored, settings, "", "restore", copyTo);
        Assert.True(code == 0, errors);
        Assert.Contains($"Restored {Path.GetFileName(newest.Path)}", output);
        await using (var server = await ServerProcess.StartAsync(_restored))
        {
            using var client = server.CreateClient();
            var restored = JsonDocument.Parse(await client.GetStringAsync($"/api/memories/{memory}")).RootElement;
            Assert.Equal("Le lac", restored.GetProperty("title").GetString());
            var photo = restored.GetProperty("media").EnumerateArray().Single();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(photo.GetProperty("url").GetString())).StatusCode);
        }

        // Over a site that has a database, only when asked; the site as it was (database and files) is kept beside.
        (code, _, errors) = await CommandProcess.RunAsync(_restored, settings, "", "restore", copyTo);
        Assert.Equal(1, code);
        Assert.Contains("--replace", errors);
        var uploaded = Directory.GetFiles(Path.Combine(_restored, "uploads")).Select(Path.GetFileName).Order().ToList();
        (code, _, errors) = await CommandProcess.RunAsync(_restored, settings, "", "restore", copyTo, "--replace");
        Assert.True(code == 0, errors);
        var aside = Assert.Single(Directory.GetDirectories(_restored, "before-restore-*"));
        // SQLite's file moved there, or PostgreSQL's database dumped (or exported) there.
        Assert.True(File.Exists(Path.Combine(aside, TestDatabase.IsPostgres ? "database" + extension : "moi_aimer_toi.db")));
        Assert.Equal(uploaded, Directory.GetFiles(Path.Combine(aside, "uploads")).Select(Path.GetFileName).Order().ToList());
        Assert.Equal(uploaded, Directory.GetFiles(Path.Combine(_restored, "uploads")).Select(Path.GetFileName).Order().ToList());

        // A memory deleted on the site leaves the copy with the last kept snapshot that had its photo.
        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"/api/memories/{memory}")).StatusCode);
        site.Clock.Set(Start.AddHours(3));
        await backups.BackupNowAsync();
        Assert.NotEmpty((await target.ListAsync("files/", CancellationToken.None)).Keys);
        site.Clock.Set(Start.AddHours(4));
        await backups.BackupNowAsync();
        Assert.Empty((await target.ListAsync("files/", CancellationToken.None)).Keys);
        Assert.Equal(4, (await target.ListAsync("snapshots/", CancellationToken.None)).Count); // Two snapshots, each with its list.
    }

    private static async Task<string> CopiedSha256Async(ICopyTarget target, string key)
    {
        var scratch = Path.GetTempFileName();
        try
        {
            await target.GetVerifiedAsync(key, scratch, CancellationToken.None);
            return Sha256(scratch);
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    [Fact]
    public async Task A_Damaged_Snapshot_Is_Refused_And_Leaves_No_Database()
    {
        Directory.CreateDirectory(Path.Combine(_copy, "snapshots"));
        await File.WriteAllBytesAsync(Path.Combine(_copy, "snapshots", BackupFile.NameFor(Start, TestDatabase.SnapshotExtension)), RandomNumberGenerator.GetBytes(8192));

        var (code, _, errors) = await CommandProcess.RunAsync(_restored, "", "restore", _copy);

        Assert.Equal(1, code);
        Assert.Contains("damaged", errors);
        Assert.False(File.Exists(Path.Combine(_restored, "moi_aimer_toi.db")));
        Assert.False(File.Exists(Path.Combine(_restored, "moi_aimer_toi.db.restoring")));
    }

    [Fact]
    public async Task A_Copy_Folder_Without_Backups_Is_Named_In_The_Error()
    {
        Directory.CreateDirectory(_copy);
        var (code, _, errors) = await CommandProcess.RunAsync(_restored, "", "restore", _copy);
        Assert.Equal(1, code);
        Assert.Contains("No backup in", errors);
    }

    [Theory]
    [InlineData("relative/folder", "Backup:CopyTo must be the absolute path of a folder on another disk, or s3://bucket/prefix.")]
    [InlineData("s3://bucket/backups", "S3:AccessKeyId and S3:SecretAccessKey (or S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY) must be set")]
    public void A_Copy_Target_That_Cannot_Be_Used_Stops_The_Start_With_The_Reason(string target, string reason)
    {
        using var site = new AppFactory { Settings = { ["Backup:CopyTo"] = target } };
        var refused = Assert.ThrowsAny<OptionsValidationException>(() => site.Services);
        Assert.Contains(reason, refused.Message);
    }

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    public void Dispose()
    {
        foreach (var folder in new[] { _copy, _restored })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }
}
