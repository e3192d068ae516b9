using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Data.Postgres;

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

        // The key ring lives in the data directory so cookies survive restarts; on PostgreSQL in the database, which
        // every instance shares (an instance's disk may not last, and the others must read its cookies).
        services.AddDataProtection().SetApplicationName("MoiAimerToi");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<DatabaseOptions>, IServiceProvider, ILoggerFactory>((options, database, provider, loggers) =>
                options.XmlRepository = database.Value.IsPostgres
                    ? new EntityFrameworkCoreXmlRepository<PostgresDbContext>(provider, loggers)
                    : new FileSystemXmlRepository(new DirectoryInfo(provider.GetRequiredService<DataPaths>().Keys), loggers));
        return services;
    }
}
