using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MoiAimerToi.Web.Photos;

public static class PhotosServiceCollectionExtensions
{
    public static IServiceCollection AddPhotoPipeline(this IServiceCollection services)
    {
        services.AddOptions<PhotoOptions>()
            .BindConfiguration(PhotoOptions.Section)
            .Validate(options => options.MaxUploadBytes > 0, "Photos:MaxUploadBytes must be more than 0.")
            .Validate(options => options.MaxPixels > 0, "Photos:MaxPixels must be more than 0.")
            .Validate(options => options.MaxDimension > 0, "Photos:MaxDimension must be more than 0.")
            .Validate(options => options.MaxConcurrency >= 1, "Photos:MaxConcurrency must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PhotoPipeline>();
        services.AddSingleton<PhotoFiles>();
        services.AddScoped<MediaAccess>();
        return services;
    }
}
