using System.Text;

namespace MoiAimerToi.Web.Api;

/// <summary>
/// The <c>Api</c> section. The old backend's variables <c>BACKEND_API_KEY</c> and
/// <c>BACKEND_JWT_SECRET</c> win over <c>Api:Key</c> and <c>Api:JwtSecret</c>.
/// </summary>
public sealed class ApiOptions
{
    public const string Section = "Api";
    public const int MinimumSecretBytes = 32;

    /// <summary>Enables the <c>X-API-KEY</c> header with this value; none by default.</summary>
    public string? Key { get; set; }

    /// <summary>Signs the login tokens; when unset, a random secret is kept in the data directory.</summary>
    public string? JwtSecret { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The largest request body an <c>/api</c> route reads, photos included (an import has its own).</summary>
    public long MaxRequestBodySize { get; set; } = 16 * 1024 * 1024;

    internal static void ApplyCompatibilityVariables(ApiOptions options, IConfiguration configuration)
    {
        if (configuration["BACKEND_API_KEY"] is { Length: > 0 } key)
        {
            options.Key = key;
        }

        if (configuration["BACKEND_JWT_SECRET"] is { Length: > 0 } secret)
        {
            options.JwtSecret = secret;
        }

        // An empty value (e.g. Api__Key= in the environment) switches a setting off.
        options.Key = string.IsNullOrEmpty(options.Key) ? null : options.Key;
        options.JwtSecret = string.IsNullOrEmpty(options.JwtSecret) ? null : options.JwtSecret;
    }

    internal bool HasStrongEnoughSecret => JwtSecret is null || Encoding.UTF8.GetByteCount(JwtSecret) >= MinimumSecretBytes;
}
