using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MoiAimerToi.Web.Couple;

public static class CoupleServiceCollectionExtensions
{
    public static IServiceCollection AddCouple(this IServiceCollection services)
    {
        services.AddOptions<CoupleOptions>().BindConfiguration(CoupleOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CoupleClock>();
        services.AddScoped<CoupleService>();
        return services;
    }
}
