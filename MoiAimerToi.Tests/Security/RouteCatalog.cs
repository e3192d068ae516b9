using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace MoiAimerToi.Tests.Security;

/// <summary>Every route the site answers, as "METHOD /pattern[?handler=Name]": each page handler and each endpoint.</summary>
public static class RouteCatalog
{
    /// <summary>Every file of wwwroot, with and without its fingerprint, compressed or not: one rule, one row.</summary>
    public const string StaticAssets = "GET /{file in wwwroot}";

    public static IReadOnlyList<string> Of(IServiceProvider services)
    {
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/').TrimEnd('/');
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null)
            {
                routes.Add(StaticAssets);
                continue;
            }
            if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
            {
                foreach (var handler in page.HandlerMethods)
                {
                    routes.Add($"{handler.HttpMethod.ToUpperInvariant()} {pattern}{(handler.Name is null ? "" : "?handler=" + handler.Name)}");
                }

                continue;
            }

            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            {
                throw new InvalidOperationException($"{pattern}: its page was not compiled at start.");
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != HttpMethods.Head && m != HttpMethods.Options))
            {
                routes.Add($"{method} {pattern}");
            }
        }

        return routes.ToList();
    }
}
