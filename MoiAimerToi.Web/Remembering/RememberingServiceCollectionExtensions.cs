namespace MoiAimerToi.Web.Remembering;

public static class RememberingServiceCollectionExtensions
{
    public static IServiceCollection AddRemembering(this IServiceCollection services)
    {
        services.AddScoped<CalendarService>();
        services.AddScoped<ImportantDates>();
        services.AddScoped<PersonalLinks>();
        services.AddScoped<CalendarFeed>();
        services.AddScoped<CounterService>();
        return services;
    }
}
