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
    public async Task Each_Backup_Goes_Off_The_Machine_With_Every_File_Once_And_Restore_Rebuilds_A_Working_Site()
    {
        await using var site = new AppFactory { Settings = { ["Backup:CopyTo"] = _copy, ["Backup:Keep"] = "2" } };
        site.Clock.Set(Start);
        var api = site.CreateKeyClient();
        var memory = await AlbumApiTests.CreateMemoryAsync(api, "Le lac");
        await AlbumApiTests.AddAsync(api, memory, TestImages.Jpeg(1600, 1200), "IMG_0001.JPG");
        var backups = site.Service<BackupService>();
        var paths = site.Service<DataPaths>();

        var first = await backups.BackupNowAsync();

        var copied = Path.Combine(_copy, "snapshots", Path.GetFileName(first.Path));
        Assert.Equal(Sha256(first.Path), Sha256(copied));
        foreach (var (name, folder) in new[] { ("uploads", paths.Uploads), ("originals", paths.Originals) })
        {
            var files = Directory.GetFiles(folder);
            Assert.NotEmpty(files);
            Assert.All(files, file => Assert.Equal(Sha256(file), Sha256(Path.Combine(_copy, "files", name, Path.GetFileName(file)))));
        }

        Assert.Empty(Directory.GetFiles(_copy, "*.partial", SearchOption.AllDirectories));

        // A file already copied is not copied again; only the newest Backup:Keep snapshots stay.
        site.Clock.Set(Start.AddHours(1));
        var again = await site.Service<BackupCopy>().CopyAsync(await backups.BackupNowAsync());
        Assert.Equal(0, again.FilesCopied);
        site.Clock.Set(Start.AddHours(2));
        var newest = await backups.BackupNowAsync();
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_copy, "snapshots")).Length);
        Assert.DoesNotContain(Path.GetFileName(copied), Directory.GetFiles(Path.Combine(_copy, "snapshots")).Select(Path.GetFileName));

        // A site rebuilt elsewhere from the copy alone: the memory and its photo are there.
        var (code, output, errors) = await CommandProcess.RunAsync(_restored, "", "restore", _copy);
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

        // Over a site that has a database, only when asked; the one it had is kept beside.
        (code, _, errors) = await CommandProcess.RunAsync(_restored, "", "restore", _copy);
        Assert.Equal(1, code);
        Assert.Contains("--replace", errors);
        (code, _, errors) = await CommandProcess.RunAsync(_restored, "", "restore", _copy, "--replace");
        Assert.True(code == 0, errors);
        Assert.Single(Directory.GetFiles(_restored, "moi_aimer_toi.db.before-restore-*"), f => !f.EndsWith("-wal") && !f.EndsWith("-shm"));
    }

    [Fact]
    public async Task A_Damaged_Snapshot_Is_Refused_And_Leaves_No_Database()
    {
        Directory.CreateDirectory(Path.Combine(_copy, "snapshots"));
        await File.WriteAllBytesAsync(Path.Combine(_copy, "snapshots", BackupFile.NameFor(Start)), RandomNumberGenerator.GetBytes(8192));

        var (code, _, errors) = await CommandProcess.RunAsync(_restored, "", "restore", _copy);

        Assert.Equal(1, code);
        Assert.Contains("damaged", errors);
        Assert.False(File.Exists(Path.Combine(_restored, "moi_aimer_toi.db")));
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
    [InlineData("relative/folder")]
    [InlineData("s3://bucket/backups")]
    public void A_Copy_Target_That_Is_No_Absolute_Folder_Stops_The_Start_With_The_Reason(string target)
    {
        using var site = new AppFactory { Settings = { ["Backup:CopyTo"] = target } };
        var refused = Assert.ThrowsAny<OptionsValidationException>(() => site.Services);
        Assert.Contains("Backup:CopyTo must be the absolute path of a folder", refused.Message);
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
