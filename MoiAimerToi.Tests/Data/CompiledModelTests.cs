using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Tests.Data;

public class CompiledModelTests(AppFactory factory) : IClassFixture<AppFactory>
{
    /// <summary>
    /// The site starts on the compiled model in Data/CompiledModel (it spares the first page the model's
    /// building); the model OnModelCreating describes must be the same, or the compiled one is stale. (What
    /// only migrations read, such as an index's order or a check constraint, the compiled model does not keep;
    /// the migrations' own snapshot covers it.)
    /// </summary>
    [SqliteFact("PostgreSQL's model is built at start: there is no compiled one to compare")]
    public async Task The_Compiled_Model_Is_The_Model_The_Code_Describes()
    {
        var (compiled, described) = await factory.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return Task.FromResult((Describe(db.Model), Describe(db.GetService<IDesignTimeModel>().Model)));
        });

        Assert.True(described == compiled,
            "Data/CompiledModel is out of date: run `dotnet ef dbcontext optimize --project MoiAimerToi.Web --output-dir Data/CompiledModel "
            + "--namespace MoiAimerToi.Web.Data.CompiledModel` (dotnet-ef 10.0.15).\nDescribed:\n" + described + "\nCompiled:\n" + compiled);
    }

    private static string Describe(IModel model) => string.Join("\n", model.GetEntityTypes().OrderBy(e => e.Name).Select(entity =>
        $"{entity.Name} -> {entity.GetTableName()}\n"
        + string.Concat(entity.GetProperties().OrderBy(p => p.Name).Select(p =>
            $"  {p.Name}: {p.ClrType.Name} {p.GetColumnName()} {p.GetColumnType()} null={p.IsNullable} max={p.GetMaxLength()} concurrency={p.IsConcurrencyToken}\n"))
        + string.Concat(entity.GetKeys().Select(k => $"  key {string.Join(",", k.Properties.Select(p => p.Name))}\n"))
        + string.Concat(entity.GetIndexes().OrderBy(i => i.GetDatabaseName()).Select(i =>
            $"  index {i.GetDatabaseName()} ({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique}\n"))
        + string.Concat(entity.GetForeignKeys().Select(f =>
            $"  fk {string.Join(",", f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.Name} {f.DeleteBehavior}\n"))));
}
