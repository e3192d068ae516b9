using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Backups;

public static class BackupsServiceCollectionExtensions
{
    private const double MaxIntervalHours = 366 * 24;

    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>()
            .BindConfiguration(BackupOptions.Section)
            .Validate(options => options.IntervalHours is > 0 and <= MaxIntervalHours, "Backup:IntervalHours must be more than 0 and at most a year.")
            .Validate(options => options.Keep >= 1, "Backup:Keep must be at least 1.")
            .Validate(options => options.PostgresFormat is BackupOptions.AutoFormat or BackupOptions.PgDumpFormat or BackupOptions.TablesFormat,
                "Backup:PostgresFormat must be auto, pg_dump or tables.")
            .Validate(options => string.IsNullOrWhiteSpace(options.CopyTo) || CopyTargets.IsBucket(options.CopyTo) || (Path.IsPathFullyQualified(options.CopyTo) && !options.CopyTo.Contains("://")),
                "Backup:CopyTo must be the absolute path of a folder on another disk, or s3://bucket/prefix.")
            .Validate<IOptions<S3Options>>((options, s3) => string.IsNullOrWhiteSpace(options.CopyTo) || !CopyTargets.IsBucket(options.CopyTo) || s3.Value.HasCredentials,
                "Backup:CopyTo names a bucket: S3:AccessKeyId and S3:SecretAccessKey (or S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY) must be set.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PostgresTables>();
        services.AddSingleton<DatabaseSnapshot>();
        services.AddSingleton<BackupCopy>();
        services.AddSingleton<BackupService>();
        services.AddSingleton<BackupScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<BackupScheduler>());
        return services;
    }
}
