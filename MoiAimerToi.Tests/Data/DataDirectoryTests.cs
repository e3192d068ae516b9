using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Tests.Data;

public class DataDirectoryTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Everything_Is_Written_Under_The_Data_Directory()
    {
        await factory.CreateBrowser().GetPageAsync("/");

        // On PostgreSQL the rows are the server's: no database file at all.
        Assert.Equal(!TestDatabase.IsPostgres, File.Exists(Path.Combine(factory.DataDirectory, "moi_aimer_toi.db")));
        // The key ring: files in keys/, or on PostgreSQL rows that every instance reads (made there by the first
        // thing protected, the login form's antiforgery token: at start the table may not exist yet).
        if (TestDatabase.IsPostgres)
        {
            await factory.CreateBrowser().GetPageAsync("/login");
            Assert.NotEmpty(await TestDatabase.RowsAsync(factory.DataDirectory, "SELECT \"Xml\" FROM \"DataProtectionKeys\""));
            Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "keys")));
        }
        else
        {
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "keys"), "*.xml"));
        }
    }

    [SqliteFact("SQLite's journal mode; PostgresTests checks its column types")]
    public async Task The_Database_Is_In_Wal_Mode_With_Every_Migration_Applied()
    {
        // The site's database first: a connection opened before it is made would make an empty one of its own.
        await factory.Service<DatabaseStartup>().Ready;
        Assert.Empty(await factory.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync()));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "moi_aimer_toi.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_Couple_Row_Exists_From_The_First_Start_With_French_Texts_And_A_Past_Start_Date()
    {
        var couple = await factory.InScopeAsync(sp => sp.GetRequiredService<CoupleService>().GetAsync());

        Assert.Equal(CoupleData.SingletonId, couple.Id);
        Assert.StartsWith("Bienvenue", couple.HomeMessage);
        Assert.StartsWith("Tout a commencé", couple.IntroText);
        Assert.True(couple.StartDate < DateOnly.FromDateTime(DateTime.UtcNow));
    }
}
