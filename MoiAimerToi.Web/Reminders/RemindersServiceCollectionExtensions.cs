using MailKit.Security;

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
            .Validate(o => o.TimeoutSeconds is > 0 and <= 600, "Smtp:TimeoutSeconds must be from 1 to 600.")
            .Validate(o => o.SendFromHour is >= 0 and <= 23, "Smtp:SendFromHour must be an hour, from 0 to 23.")
            .Validate(o => string.IsNullOrEmpty(o.User) || o.SocketOptions is SecureSocketOptions.StartTls or SecureSocketOptions.SslOnConnect,
                "Smtp:Security must be starttls or ssl when Smtp:User is set, so that the password never travels in clear.")
            .ValidateOnStart();
        return services
            .AddScoped<ReminderPlanner>()
            .AddScoped<ReminderMail>()
            .AddScoped<ReminderPreferences>()
            .AddSingleton<ReminderJobs>()
            .AddHostedService(provider => provider.GetRequiredService<ReminderJobs>());
    }
}
