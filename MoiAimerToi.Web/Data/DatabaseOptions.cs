using Microsoft.Extensions.Options;
using Npgsql;

namespace MoiAimerToi.Web.Data;

/// <summary>
/// Which database the site keeps its rows in: SQLite in the data directory unless the configuration names a PostgreSQL
/// server, as <c>ConnectionStrings:Postgres</c> (Npgsql's own form) or <c>DATABASE_URL</c> (the platforms' URL).
/// </summary>
public sealed class DatabaseOptions
{
    public const string UrlVariable = "DATABASE_URL";

    public const string ConnectionStringName = "Postgres";

    /// <summary>Npgsql's connection string, password included; never logged nor shown.</summary>
    public string? PostgresConnectionString { get; private set; }

    /// <summary>Why the configured server cannot be used, without the password; null when it can.</summary>
    public string? Problem { get; private set; }

    public bool IsPostgres => PostgresConnectionString is not null;

    /// <summary>
    /// For a connection held by one piece of work (a job's lease, the cache's listener): not pooled, so that closing it
    /// ends its session and whatever the session held; kept alive, so that a dead peer is noticed.
    /// </summary>
    public string DedicatedConnectionString => new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;

    public void ReadFrom(IConfiguration configuration)
    {
        try
        {
            PostgresConnectionString = configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString
                ? DatabaseUrl.CheckConnectionString(connectionString)
                : configuration[UrlVariable] is { Length: > 0 } url ? DatabaseUrl.ToConnectionString(url) : null;
        }
        catch (FormatException problem)
        {
            Problem = problem.Message;
        }
    }

    /// <summary>A start with a database it cannot use is refused, with the reason.</summary>
    public sealed class Validator : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
            options.Problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Problem);
    }
}
