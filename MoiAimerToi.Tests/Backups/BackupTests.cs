using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Backups;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Tests.Backups;

/// <summary>Each test starts its own site, because every test counts the files in its backups folder.</summary>
public class BackupTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 22, 15, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_First_Backup_Exists_Right_After_The_First_Start()
    {
        await using var factory = new AppFactory();
        factory.Clock.Set(Start);

        await StartedAsync(factory);

        var backup = Assert.Single(BackupFiles(factory));
        Assert.Equal("moi_aimer_toi-2026-11-25T221500Z" + TestDatabase.SnapshotExtension, Path.GetFileName(backup));
    }

    [SqliteFact("SQLite's own file: PostgresTests reads back a pg_dump archive")]
    public async Task A_Backup_Is_A_Sound_Sqlite_Database_Holding_The_Couples_Texts()
    {
        await using var factory = new AppFactory();
        await StartedAsync(factory);

        await using var connection = new SqliteConnection($"Data Source={Assert.Single(BackupFiles(factory))};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();

        Assert.Equal("ok", await ScalarAsync<string>(connection, "PRAGMA integrity_check;"));
        Assert.StartsWith("Bienvenue", await ScalarAsync<string>(connection, "SELECT HomeMessage FROM CoupleData WHERE Id = 1;"));
    }

    [Fact]
    public async Task No_Backup_Is_Made_At_Start_Up_When_The_Last_One_Is_Recent()
    {
        await using var factory = new AppFactory();
        factory.Clock.Set(Start);
        var recent = PutBackup(factory, Start.AddHours(-23));

        await StartedAsync(factory);

        Assert.Equal([recent], BackupFiles(factory));
        Assert.Null(await factory.Service<BackupService>().BackupIfDueAsync());
        Assert.Equal([recent], BackupFiles(factory));
    }

    [Fact]
    public async Task A_Backup_Is_Made_At_Start_Up_When_The_Last_One_Is_Older_Than_The_Interval()
    {
        await using var factory = new AppFactory { Settings = { ["Backup:IntervalHours"] = "6" } };
        factory.Clock.Set(Start);
        var old = PutBackup(factory, Start.AddHours(-6).AddSeconds(-1));

        await StartedAsync(factory);

        Assert.Equal([Path.Combine(factory.DataDirectory, "backups", Named(Start)), old], BackupFiles(factory));
    }

    [Fact]
    public async Task The_Next_Backup_Comes_When_The_Newest_Is_Interval_Hours_Old()
    {
        await using var factory = new AppFactory();
        factory.Clock.Set(Start);
        await StartedAsync(factory);
        var backups = factory.Service<BackupService>();

        factory.Clock.Set(Start.AddHours(24).AddSeconds(-1));
        Assert.Equal(TimeSpan.FromSeconds(1), backups.TimeUntilDue());
        Assert.Null(await backups.BackupIfDueAsync());

        factory.Clock.Set(Start.AddHours(24));
        var next = await backups.BackupIfDueAsync();

        Assert.NotNull(next);
        Assert.Equal(Start.AddHours(24), next.CreatedAt);
        Assert.Equal(TimeSpan.FromHours(24), backups.TimeUntilDue());
        Assert.Equal(2, BackupFiles(factory).Count);
    }

    [Fact]
    public async Task Only_The_Newest_Keep_Backups_Are_Kept()
    {
        await using var factory = new AppFactory { Settings = { ["Backup:Keep"] = "3" } };
        factory.Clock.Set(Start);
        await StartedAsync(factory);
        var backups = factory.Service<BackupService>();

        for (var hours = 1; hours <= 5; hours++)
        {
            factory.Clock.Set(Start.AddHours(hours));
            await backups.BackupNowAsync();
        }

        var expected = new[] { 5, 4, 3 }
            .Select(hours => Path.Combine(factory.DataDirectory, "backups", Named(Start.AddHours(hours))));
        Assert.Equal(expected, BackupFiles(factory));
        Assert.Equal(expected, backups.List().Select(backup => backup.Path));
    }

    [Fact]
    public async Task A_Half_Written_Backup_Is_Never_Taken_For_A_Backup_And_Is_Cleared_By_The_Next_One()
    {
        await using var factory = new AppFactory();
        factory.Clock.Set(Start);
        var leftover = Path.Combine(factory.DataDirectory, "backups", Named(Start.AddHours(-1)) + ".partial");
        Directory.CreateDirectory(Path.GetDirectoryName(leftover)!);
        await File.WriteAllTextAsync(leftover, "cut short by a crash");

        await StartedAsync(factory);

        Assert.False(File.Exists(leftover));
        var backup = Assert.Single(factory.Service<BackupService>().List());
        Assert.Equal(Start, backup.CreatedAt);
    }

    [Fact]
    public async Task A_Backup_Of_The_Other_Kind_Of_Database_Is_Not_Taken_For_One_Of_This_Site()
    {
        await using var factory = new AppFactory();
        factory.Clock.Set(Start);
        var otherKind = TestDatabase.IsPostgres ? BackupFile.SqliteExtension : BackupFile.PostgresExtension;
        var stray = PutBackup(factory, Start.AddHours(-1), otherKind);

        await StartedAsync(factory);

        // Not recent enough to skip the start's backup, not counted, not pruned: not this site's.
        var backup = Assert.Single(factory.Service<BackupService>().List());
        Assert.Equal(Start, backup.CreatedAt);
        Assert.Equal([backup.Path, stray], BackupFiles(factory));
    }

    [SqliteFact("The path is SQLite's VACUUM INTO's; pg_dump is given its file as an argument")]
    public async Task A_Data_Directory_With_A_Quote_In_Its_Path_Is_Backed_Up()
    {
        await using var factory = new AppFactory();
        await StartedAsync(factory);
        var quoted = Path.Combine(factory.DataDirectory, "l'amour");
        Directory.CreateDirectory(quoted);
        File.Copy(Assert.Single(BackupFiles(factory)), Path.Combine(quoted, "moi_aimer_toi.db"));

        var paths = new DataPaths(
            Options.Create(new StorageOptions { DataDirectory = quoted }), factory.Service<IWebHostEnvironment>());
        var options = Options.Create(new BackupOptions());
        var service = new BackupService(
            paths, new DatabaseSnapshot(paths, Options.Create(new DatabaseOptions()), options, factory.Service<PostgresTables>()), new BackupCopy(paths, new FolderFileStore(paths, NullLogger<FolderFileStore>.Instance), options, Options.Create(new S3Options()), NullLogger<BackupCopy>.Instance), options, TimeProvider.System, NullLogger<BackupService>.Instance);

        var backup = await service.BackupNowAsync();

        Assert.StartsWith(Path.Combine(quoted, "backups"), backup.Path);
        Assert.True(File.Exists(backup.Path));
    }

    [Theory]
    [InlineData("Backup:Keep", "0")]
    [InlineData("Backup:IntervalHours", "0")]
    [InlineData("Backup:PostgresFormat", "zip")]
    public void A_Site_With_A_Meaningless_Backup_Setting_Refuses_To_Start(string setting, string value)
    {
        using var factory = new AppFactory { Settings = { [setting] = value } };

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains(setting, error.Message);
    }

    private static string Named(DateTimeOffset createdAt) => BackupFile.NameFor(createdAt, TestDatabase.SnapshotExtension);

    private static async Task StartedAsync(AppFactory factory) =>
        await factory.Service<BackupScheduler>().StartupCheck.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Newest first, as the names sort.</summary>
    private static List<string> BackupFiles(AppFactory factory) =>
        Directory.GetFiles(Path.Combine(factory.DataDirectory, "backups")).OrderDescending(StringComparer.Ordinal).ToList();

    private static string PutBackup(AppFactory factory, DateTimeOffset createdAt, string? extension = null)
    {
        var folder = Path.Combine(factory.DataDirectory, "backups");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, BackupFile.NameFor(createdAt, extension ?? TestDatabase.SnapshotExtension));
        File.WriteAllText(path, "only its name matters to the schedule");
        return path;
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
