namespace MoiAimerToi.Web.Memories;

public static class MemoriesServiceCollectionExtensions
{
    public static IServiceCollection AddMemories(this IServiceCollection services) =>
        services.AddScoped<MemoryService>().AddScoped<MemoryPhotos>().AddScoped<SideService>()
            .AddSingleton<OrphanSweep>().AddHostedService(provider => provider.GetRequiredService<OrphanSweep>());
}
