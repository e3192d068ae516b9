using Microsoft.Extensions.DependencyInjection.Extensions;

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
            .Validate(options => string.IsNullOrWhiteSpace(options.CopyTo) || (Path.IsPathFullyQualified(options.CopyTo) && !options.CopyTo.Contains("://")),
                "Backup:CopyTo must be the absolute path of a folder on another disk (copying to a bucket is not built yet).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BackupCopy>();
        services.AddSingleton<BackupService>();
        services.AddSingleton<BackupScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<BackupScheduler>());
        return services;
    }
}
