using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Web.Media;

public static class MediaServiceCollectionExtensions
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.Section)
            .Validate(o => o.MaxVideoBytes > 0, "Media:MaxVideoBytes must be more than 0.")
            .Validate(o => o.MaxVideoSeconds > 0, "Media:MaxVideoSeconds must be more than 0.")
            .Validate(o => o.TranscodeTimeoutSeconds > 0, "Media:TranscodeTimeoutSeconds must be more than 0.")
            .Validate(o => o.MaxVideoHeight >= 144, "Media:MaxVideoHeight must be at least 144.")
            .ValidateOnStart();
        return services
            .AddSingleton<OriginalFiles>()
            .AddSingleton<Ffmpeg>()
            .AddSingleton<AlbumLock>()
            .AddScoped<VideoPreparation>()
            .AddScoped<VideoIntake>()
            .AddScoped<AlbumService>()
            .AddScoped<AlbumUploads>()
            .AddSingleton<VideoJobs>()
            .AddHostedService(provider => provider.GetRequiredService<VideoJobs>());
    }
}
