using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MoiAimerToi.Web.Couple;

public static class CoupleServiceCollectionExtensions
{
    public static IServiceCollection AddCouple(this IServiceCollection services)
    {
        services.AddOptions<CoupleOptions>()
            .BindConfiguration(CoupleOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone ?? "", out _), "Couple:TimeZone must be an IANA time zone, such as Europe/Paris.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CoupleClock>();
        services.AddScoped<CoupleService>();
        return services;
    }
}
