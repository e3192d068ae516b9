using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Tests.Transfer;

/// <summary>Everything an import could change, as one string: rows, texts and the files in uploads/.</summary>
public static class SiteState
{
    public static Task<string> SnapshotAsync(AppFactory factory) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var couple = await db.CoupleData.AsNoTracking().SingleAsync();
        var memories = await db.Memories.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        var perspectives = await db.Perspectives.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        var files = Directory.GetFiles(Path.Combine(factory.DataDirectory, "uploads"))
            .Select(f => $"{Path.GetFileName(f)}:{new FileInfo(f).Length}")
            .Order(StringComparer.Ordinal);
        var scratch = Path.Combine(factory.DataDirectory, "tmp");
        var leftovers = Directory.Exists(scratch) ? Directory.GetFiles(scratch).Select(f => "tmp/" + Path.GetFileName(f)) : [];
        return string.Join("\n",
        [
            $"couple {couple.StartDate:O} {couple.HomeMessage} | {couple.IntroText} | {couple.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)}",
            .. memories.Select(m => $"memory {m.Id} {m.Title} | {m.Description} | {m.TakenOn:O} {m.CreatedAt:O} {m.UpdatedAt:O} {m.PhotoFileName}"),
            .. perspectives.Select(p => $"perspective {p.Id} {p.Number} {p.Content} {p.UpdatedAt:O}"),
            .. files,
            .. leftovers,
        ]);
    });
}
