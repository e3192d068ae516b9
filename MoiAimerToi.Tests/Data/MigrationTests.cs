using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Tests.Data;

public class MigrationTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [SqliteFact("The search column came in a later SQLite migration; PostgreSQL's first migration has it")]
    public async Task Memories_Written_Before_The_Search_Column_Existed_Are_Found_After_The_Upgrade()
    {
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.GetService<IMigrator>().MigrateAsync("20261125224439_Initial");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Memories (Title, Description, TakenOn, CreatedAt, UpdatedAt) VALUES ('Été à Annecy', '', '2024-07-14', '2024-07-14 10:00:00', '2024-07-14 10:00:00');");
            return 0;
        });

        await factory.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            return 0;
        });

        var page = await factory.CreateBrowser().GetPageAsync("/memories?q=ete");
        Assert.Equal(["Été à Annecy"], page.QuerySelectorAll(".memory-title").Select(t => t.TextContent.Trim()));
    }
}
