using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// HTML and JSON sent compressed (Brotli, else gzip), over HTTPS too, except every answer marked
/// <c>no-store</c>: those are the ones that carry a secret (a page with an antiforgery token, the sign-in and
/// setup forms, a page rendered for someone signed in, an API token), and a secret compressed beside text an
/// attacker can make the page repeat (a search, the <c>returnUrl</c> every page writes) can be guessed byte by
/// byte from the sizes (BREACH). The site's files come compressed from the build (static assets), photos not at all.
/// </summary>
public static class Compression
{
    public static IServiceCollection AddAppCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "application/json", "application/problem+json", "text/plain"];
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.AddSingleton<IResponseCompressionProvider, NoSecretsCompressed>();
        return services;
    }

    /// <summary>What the page cache stores apart: the encoding the compression will choose for this request.</summary>
    public static string EncodingFor(HttpRequest request)
    {
        var accepted = request.Headers.AcceptEncoding.ToString();
        return accepted.Contains("br", StringComparison.OrdinalIgnoreCase) ? "br"
            : accepted.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? "gzip"
            : "identity";
    }

    private sealed class NoSecretsCompressed(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            !context.Response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase)
            && base.ShouldCompressResponse(context);
    }
}
