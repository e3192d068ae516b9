using MoiAimerToi.Web.Accounts;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using MoiAimerToi.Web.Caching;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Security;

namespace MoiAimerToi.Web.Pages;

public static class PagesServiceCollectionExtensions
{
    public static IServiceCollection AddAppPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
            {
                options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(EditorOnlyPageFilter)));
                options.Conventions.AddPageApplicationModelConvention("/Account/Login", model =>
                    model.EndpointMetadata.Add(new EnableRateLimitingAttribute(SecurityServiceCollectionExtensions.LoginPolicy)));
                foreach (var page in new[] { "/Story/Index", "/Memories/Index", "/Memories/View", "/Future/Index" })
                {
                    options.Conventions.AddPageApplicationModelConvention(page, model =>
                        model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = ContentCache.PagePolicy }));
                }

                options.Conventions.AddPageApplicationModelConvention("/Index", model =>
                    model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = ContentCache.CounterPolicy }));
                options.Conventions.AddPageApplicationModelConvention("/Memories/Index", model =>
                    model.EndpointMetadata.Add(new EnableRateLimitingAttribute(SecurityServiceCollectionExtensions.UploadPolicy)));
            })
            .AddViewLocalization();
        services.AddAntiforgery(options =>
        {
            options.HeaderName = "RequestVerificationToken";
            options.Cookie.Name = "moiaimertoi.antiforgery";
        });
        services.AddScoped<FieldRules>();
        return services;
    }
}
