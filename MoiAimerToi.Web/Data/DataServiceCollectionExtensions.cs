using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Data.Postgres;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddAppData(this IServiceCollection services)
    {
        services.AddDataDirectory();
        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((options, configuration) => options.ReadFrom(configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptions.Validator>();

        services.AddDbContext<AppDbContext>((provider, options) => options
            .UseSqlite(provider.GetRequiredService<DataPaths>().ConnectionString)
            .AddInterceptors(provider.GetRequiredService<PageCache.EvictOnCommit>()));
        services.AddDbContext<PostgresDbContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.PostgresConnectionString)
            .AddInterceptors(provider.GetRequiredService<PageCache.EvictOnCommit>()));
        // The one context the site asks for: SQLite's in the data directory, or PostgreSQL's when one is configured.
        services.Replace(ServiceDescriptor.Scoped<AppDbContext>(provider =>
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
                ? provider.GetRequiredService<PostgresDbContext>()
                : new AppDbContext(provider.GetRequiredService<DbContextOptions<AppDbContext>>())));

        services.AddSingleton<JobLeases>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<DatabaseStartup>();
        return services;
    }

    /// <summary>Brings the schema up to date and makes the rows the site cannot live without, while the server starts.</summary>
    public static Task StartDataAsync(this WebApplication app) => app.Services.GetRequiredService<DatabaseStartup>().Ready;

    /// <summary>First in the pipeline: a request that comes while the database is being made ready waits for it.</summary>
    public static IApplicationBuilder UseDataReady(this IApplicationBuilder app)
    {
        var ready = app.ApplicationServices.GetRequiredService<DatabaseStartup>().Ready;
        return app.Use(async (context, next) =>
        {
            await ready;
            await next(context);
        });
    }
}
