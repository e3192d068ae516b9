using Npgsql;

namespace MoiAimerToi.Web.Data;

/// <summary>
/// Reads a platform's <c>DATABASE_URL</c> (<c>postgres://user:password@host:port/database?sslmode=require</c>) as a
/// connection string for Npgsql. What is wrong is said in the message; the password never is.
/// </summary>
public static class DatabaseUrl
{
    private const string Form = "postgres://user:password@host:port/database";

    private static readonly Dictionary<string, SslMode> SslModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["disable"] = SslMode.Disable,
        ["allow"] = SslMode.Allow,
        ["prefer"] = SslMode.Prefer,
        ["require"] = SslMode.Require,
        ["verify-ca"] = SslMode.VerifyCA,
        ["verify-full"] = SslMode.VerifyFull,
    };

    /// <exception cref="FormatException">The URL cannot name a PostgreSQL database; the message says why.</exception>
    public static string ToConnectionString(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            throw Wrong($"is not a URL of the form {Form} (a password with @, :, / or % must be percent-encoded)");
        }

        if (uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw Wrong($"must start with postgres:// or postgresql://, not {uri.Scheme}://");
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            throw Wrong("names no host");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0 || database.Contains('/'))
        {
            throw Wrong($"must end with the database's name, as in {Form}");
        }

        var (user, password) = Credentials(uri.UserInfo);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
            Username = user,
            Password = password,
        };

        foreach (var (key, value) in Query(uri.Query))
        {
            if (!key.Equals("sslmode", StringComparison.OrdinalIgnoreCase))
            {
                // Not named: with an unencoded ? in a password, what follows it may be the password's.
                throw Wrong("has a parameter the site does not read (only sslmode; a password with ? or # must be percent-encoded)");
            }

            builder.SslMode = SslModes.TryGetValue(value, out var mode)
                ? mode
                : throw Wrong($"has an sslmode that is not one of {string.Join(", ", SslModes.Keys)}");
        }

        return builder.ConnectionString;
    }

    /// <exception cref="FormatException">Npgsql cannot read it; the message says which part.</exception>
    public static string CheckConnectionString(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrEmpty(builder.Host)
                ? throw new FormatException("ConnectionStrings:Postgres names no Host.")
                : builder.ConnectionString;
        }
        catch (ArgumentException problem)
        {
            // Npgsql names the keyword it does not know, never a value.
            throw new FormatException($"ConnectionStrings:Postgres cannot be read: {problem.Message}");
        }
    }

    private static (string User, string? Password) Credentials(string userInfo)
    {
        var separator = userInfo.IndexOf(':');
        var user = Uri.UnescapeDataString(separator < 0 ? userInfo : userInfo[..separator]);
        if (user.Length == 0)
        {
            throw Wrong($"names no user, as in {Form}");
        }

        return (user, separator < 0 ? null : Uri.UnescapeDataString(userInfo[(separator + 1)..]));
    }

    private static IEnumerable<(string Key, string Value)> Query(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Uri.UnescapeDataString(parts[0]), parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : ""));

    private static FormatException Wrong(string what) => new($"{DatabaseOptions.UrlVariable} {what}.");
}
