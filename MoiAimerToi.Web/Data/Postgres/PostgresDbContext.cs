using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MoiAimerToi.Web.Data.Postgres;

/// <summary>
/// The same rows on PostgreSQL, with migrations of their own (<c>Data/Postgres/Migrations</c>). Every time is a UTC
/// <c>timestamptz</c>: the site's times are UTC, and the converter makes sure of it before Npgsql sees one. The Data
/// Protection key ring is here too, so that every instance reads the cookies and tokens the others made.
/// </summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : AppDbContext(options), IDataProtectionKeyContext
{
    /// <summary>Left out of backups (<see cref="Backups.DatabaseSnapshot"/>), as the <c>keys/</c> folder is on SQLite.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The accent-blind search asks PostgreSQL's own unaccent (MemoryService.PageAsync).
        builder.HasPostgresExtension("unaccent");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    /// <summary>A time of unknown kind is taken as UTC (the site writes no other); a local one is turned into UTC.</summary>
    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        time => time.Kind == DateTimeKind.Utc ? time : time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc),
        time => DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
