namespace MoiAimerToi.Web.Perspectives;

public static class PerspectivesServiceCollectionExtensions
{
    public static IServiceCollection AddPerspectives(this IServiceCollection services) =>
        services.AddScoped<PerspectiveService>();
}
