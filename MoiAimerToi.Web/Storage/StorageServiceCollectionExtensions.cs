using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection;

namespace MoiAimerToi.Web.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddDataDirectory(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Storage:DataDirectory must name a folder.")
            .ValidateOnStart();
        services.AddSingleton<DataPaths>();

        // The key ring lives in the data directory so cookies survive restarts and backups carry it.
        services.AddDataProtection().SetApplicationName("MoiAimerToi");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DataPaths, ILoggerFactory>((options, paths, loggers) =>
                options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(paths.Keys), loggers));
        return services;
    }
}
