namespace MoiAimerToi.Web.Dreams;

public static class DreamsServiceCollectionExtensions
{
    public static IServiceCollection AddDreams(this IServiceCollection services) => services.AddScoped<DreamService>();
}
