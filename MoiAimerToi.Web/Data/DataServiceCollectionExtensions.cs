using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddAppData(this IServiceCollection services)
    {
        services.AddDataDirectory();
        services.AddDbContext<AppDbContext>((provider, options) => options
            .UseSqlite(provider.GetRequiredService<DataPaths>().ConnectionString)
            .AddInterceptors(provider.GetRequiredService<PageCache.EvictOnCommit>()));
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>Brings the schema up to date and makes sure the rows the site cannot live without exist.</summary>
    public static async Task InitializeDataAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }
}
