using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the site
/// believes (an address in <see cref="KnownProxies"/> or a network in <see cref="KnownIPNetworks"/>); none configured
/// means this machine's own proxy only (loopback). Anyone else's headers are ignored, so a visitor cannot pass for
/// another address (rate limits, lockouts) nor for HTTPS.
/// </summary>
public sealed class ProxyHeaders
{
    public const string Section = "ForwardedHeaders";

    public string[] KnownProxies { get; set; } = [];

    public string[] KnownIPNetworks { get; set; } = [];
}

public static class ProxyHeadersExtensions
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services)
    {
        services.AddOptions<ProxyHeaders>()
            .BindConfiguration(ProxyHeaders.Section)
            .Validate(p => p.KnownProxies.All(a => IPAddress.TryParse(a, out _)), "ForwardedHeaders:KnownProxies must each be an IP address, such as 10.0.0.2.")
            .Validate(p => p.KnownIPNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "ForwardedHeaders:KnownIPNetworks must each be a network, such as 10.0.0.0/8.")
            .ValidateOnStart();
        // Also when ASPNETCORE_FORWARDEDHEADERS_ENABLED is set, whose own setup would otherwise trust everyone.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyHeaders>>((options, configured) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxies = configured.Value;
            var none = proxies.KnownProxies.Length + proxies.KnownIPNetworks.Length == 0;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in none ? ["::1"] : proxies.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in none ? ["127.0.0.0/8"] : proxies.KnownIPNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
