using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Data.Postgres;

namespace MoiAimerToi.Web.Data;

/// <summary>
/// Contexts of the site's own model on a database other than the site's (a snapshot, a backup's file, a move's
/// target), for the copies between them. Built with the site's services: Identity's schema version is an option of
/// theirs, and without it the model would differ (migrations would find "pending changes").
/// </summary>
public static class SiteContexts
{
    public static AppDbContext OnSqliteFile(IServiceProvider services, string path) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite($"Data Source={path};Pooling=False").UseApplicationServiceProvider(services).Options);

    public static PostgresDbContext OnPostgres(IServiceProvider services, string connectionString) => new(new DbContextOptionsBuilder<PostgresDbContext>()
        .UseNpgsql(connectionString).UseApplicationServiceProvider(services).Options);
}
