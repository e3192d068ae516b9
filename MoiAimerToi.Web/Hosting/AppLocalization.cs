using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace MoiAimerToi.Web.Hosting;

public static class AppLocalization
{
    public const string DefaultCulture = "fr";
    public static readonly IReadOnlyList<string> Cultures = [DefaultCulture, "en"];

    public static IServiceCollection AddAppLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Cultures.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders =
            [
                new ApiCultureProvider(),
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>Old API clients expect English errors unless they ask otherwise.</summary>
    private sealed class ApiCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var request = httpContext.Request;
            var english = request.Path.StartsWithSegments("/api") && !request.Headers.ContainsKey("Accept-Language");
            return Task.FromResult(english ? new ProviderCultureResult("en") : null);
        }
    }
}
