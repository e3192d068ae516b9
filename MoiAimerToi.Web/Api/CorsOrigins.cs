namespace MoiAimerToi.Web.Api;

/// <summary>The <c>Cors</c> section: the origins whose pages may call <c>/api</c> from the browser.</summary>
public sealed class CorsOrigins
{
    public const string Section = "Cors";

    public string[] Origins { get; set; } = [];

    /// <summary>An origin as a browser sends it: <c>https://host[:port]</c>, no path; an empty entry switches nothing on.</summary>
    public static bool IsOrigin(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.AbsolutePath == "/" && !value.EndsWith('/') && string.IsNullOrEmpty(uri.Query));
}
