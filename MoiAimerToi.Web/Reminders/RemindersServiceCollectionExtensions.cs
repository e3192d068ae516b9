namespace MoiAimerToi.Web.Reminders;

public static class RemindersServiceCollectionExtensions
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>()
            .BindConfiguration(SmtpOptions.Section)
            .Validate(o => !o.IsConfigured || o.Sender is not null, "Smtp:From must be an e-mail address (« Moi AIMER Toi <rappels@example.org> ») when Smtp:Host is set.")
            .Validate(o => SmtpOptions.IsKnownSecurity(o.Security), "Smtp:Security must be auto, starttls, ssl or none.")
            .Validate(o => o.Port is >= 0 and <= 65535, "Smtp:Port must be a port number (or 0 for the usual one).")
            .Validate(o => o.TimeoutSeconds > 0, "Smtp:TimeoutSeconds must be more than 0.")
            .ValidateOnStart();
        return services
            .AddScoped<ReminderPlanner>()
            .AddScoped<ReminderMail>()
            .AddScoped<ReminderPreferences>()
            .AddSingleton<ReminderJobs>()
            .AddHostedService(provider => provider.GetRequiredService<ReminderJobs>());
    }
}
