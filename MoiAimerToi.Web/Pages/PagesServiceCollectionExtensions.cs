using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;

namespace MoiAimerToi.Web.Pages;

public static class PagesServiceCollectionExtensions
{
    public static IServiceCollection AddAppPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
                options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(ViewerPageFilter))))
            .AddViewLocalization();
        services.AddAntiforgery(options =>
        {
            options.HeaderName = "RequestVerificationToken";
            options.Cookie.Name = "moiaimertoi.antiforgery";
        });
        services.AddScoped<FieldRules>();
        services.AddScoped<Pages.Shared.Bylines>();
        return services;
    }
}
