using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Memories;

/// <summary>A side as one reader may see it: <see cref="Content"/> is null while it is hidden from them.</summary>
public sealed record SideView(string AuthorId, string AuthorName, bool Mine, bool Revealed, bool Open, string? Content, DateTime UpdatedAt);

/// <summary>
/// The two sides of a memory and the one rule of who reads them. A side is <b>open</b> once its author revealed it or
/// the other partner has written theirs; an open side is read by whoever may see the memory. A side not open is read
/// by its author alone; the other partner learns only that it exists (to write theirs), and guests, visitors, share
/// links and the key learn nothing of it. Every page, fragment, API answer and export asks here.
/// </summary>
public sealed class SideService(AppDbContext db, MemoryService memories, Partners partners, CoupleClock clock, FieldRules rules)
{
    /// <summary>The sides of a memory this request may read, for <paramref name="readerId"/> (null: no partner).</summary>
    /// <returns>Null when the memory is not there for this request.</returns>
    public async Task<IReadOnlyList<SideView>?> ForAsync(int memoryId, string? readerId, CancellationToken cancellationToken = default)
    {
        if (!await memories.ExistsAsync(memoryId, cancellationToken))
        {
            return null;
        }

        var sides = await db.MemorySides.AsNoTracking().Where(s => s.MemoryId == memoryId).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return await ViewAsync(sides, readerId, cancellationToken);
    }

    /// <summary>Every side of every memory as the reader may have it, by memory: an export's.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<SideView>>> AllForAsync(string? readerId, CancellationToken cancellationToken = default)
    {
        var sides = await db.MemorySides.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        var result = new Dictionary<int, IReadOnlyList<SideView>>();
        foreach (var memory in sides.GroupBy(s => s.MemoryId))
        {
            result[memory.Key] = await ViewAsync(memory.ToList(), readerId, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// The reader's own side, written or changed, revealed if asked (a side once revealed stays so). Two partners
    /// writing at the same moment each write their own row.
    /// </summary>
    /// <returns>Null when the memory is not there for this request.</returns>
    public async Task<Outcome<IReadOnlyList<SideView>>?> SaveMineAsync(
        int memoryId, string readerId, string? content, bool reveal, CancellationToken cancellationToken = default, bool retry = true)
    {
        if (!await memories.ExistsAsync(memoryId, cancellationToken))
        {
            return null;
        }

        var errors = new List<FieldError>();
        rules.Required(errors, "content", content);
        rules.MaxLength(errors, "content", content?.Trim(), MemorySide.ContentMaxLength);
        if (errors.Count > 0)
        {
            return Outcome<IReadOnlyList<SideView>>.Failure(errors);
        }

        var now = clock.UtcNow;
        var side = await db.MemorySides.SingleOrDefaultAsync(s => s.MemoryId == memoryId && s.AuthorId == readerId, cancellationToken);
        if (side is null)
        {
            side = new MemorySide { MemoryId = memoryId, AuthorId = readerId, CreatedAt = now };
            db.MemorySides.Add(side);
        }

        side.Content = content!.Trim();
        side.Revealed |= reveal;
        side.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (side.Id == 0 && retry)
        {
            // The same partner saving twice at once (two tabs): the other save made the row first; this one changes it,
            // once (an account closed meanwhile fails again, and is not tried forever).
            db.ChangeTracker.Clear();
            return await SaveMineAsync(memoryId, readerId, content, reveal, cancellationToken, retry: false);
        }

        return Outcome<IReadOnlyList<SideView>>.Success((await ForAsync(memoryId, readerId, cancellationToken))!);
    }

    private async Task<IReadOnlyList<SideView>> ViewAsync(List<MemorySide> sides, string? readerId, CancellationToken cancellationToken)
    {
        var accounts = await partners.AccountsAsync(cancellationToken);
        var reader = readerId is not null && accounts.TryGetValue(readerId, out var account) && account.Role == AccountRole.Partner ? readerId : null;
        var views = new List<SideView>();
        foreach (var side in sides)
        {
            var open = side.Revealed || sides.Any(other => other.AuthorId != side.AuthorId);
            var mine = side.AuthorId == reader;
            if (!open && !mine && reader is null)
            {
                continue; // Guests, visitors, share links and the key: not even that it exists.
            }

            var name = accounts.TryGetValue(side.AuthorId, out var author) ? author.ShownName : "";
            views.Add(new SideView(side.AuthorId, name, mine, side.Revealed, open, open || mine ? side.Content : null, side.UpdatedAt));
        }

        return views;
    }
}
