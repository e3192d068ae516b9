using Microsoft.AspNetCore.Authorization;

namespace MoiAimerToi.Web.Site;

public static class SiteServiceCollectionExtensions
{
    public static IServiceCollection AddSiteVisibility(this IServiceCollection services)
    {
        services.AddSingleton<VisibilityService>();
        services.AddSingleton<IAuthorizationHandler, VisibleSite.Handler>();
        // Secure by default: an endpoint that names no policy and no [AllowAnonymous] follows the site's visibility.
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new VisibleSite()).Build());
        return services;
    }
}
