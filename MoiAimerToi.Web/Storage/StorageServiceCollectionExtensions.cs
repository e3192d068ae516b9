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
            .Validate(o => o.FilesInBucket || string.Equals(o.Files, StorageOptions.InFolder, StringComparison.OrdinalIgnoreCase),
                "Storage:Files must be 'folder' (the data folder, the default) or 's3' (a bucket).")
            .Validate<IOptions<S3Options>>((o, s3) => !o.FilesInBucket || !string.IsNullOrWhiteSpace(s3.Value.Bucket),
                "Storage:Files=s3 needs the bucket: S3:Bucket or S3_BUCKET.")
            .Validate<IOptions<S3Options>>((o, s3) => !o.FilesInBucket || s3.Value.HasCredentials,
                "Storage:Files=s3 needs S3:AccessKeyId and S3:SecretAccessKey (or S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY).")
            .Validate<IOptions<S3Options>>((o, s3) => s3.Value.TimeoutSeconds > 0, "S3:TimeoutSeconds must be more than 0.")
            .ValidateOnStart();
        services.AddOptions<S3Options>()
            .BindConfiguration(S3Options.Section)
            .PostConfigure<IConfiguration>((s3, configuration) => s3.FillFrom(configuration));
        services.AddSingleton<DataPaths>();
        services.AddSingleton<FolderFileStore>();
        services.AddSingleton<BucketFileStore>();
        services.AddSingleton<IFileStore>(provider => provider.GetRequiredService<IOptions<StorageOptions>>().Value.FilesInBucket
            ? provider.GetRequiredService<BucketFileStore>()
            : provider.GetRequiredService<FolderFileStore>());

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
