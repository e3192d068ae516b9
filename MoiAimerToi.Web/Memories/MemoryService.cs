using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Memories;

/// <summary>The rules of a memory, for pages and API alike.</summary>
public sealed class MemoryService(AppDbContext db, CoupleClock clock, FieldRules rules)
{
    /// <summary>Every memory, newest first: by the day it happened, then by when it was written.</summary>
    public async Task<IReadOnlyList<Memory>> ListAsync(CancellationToken cancellationToken = default) =>
        await NewestFirst(db.Memories.AsNoTracking()).ToListAsync(cancellationToken);

    /// <summary>One page of the gallery, with the span of years of the whole gallery for its title.</summary>
    public async Task<MemoryPage> PageAsync(MemoryQuery query, CancellationToken cancellationToken = default)
    {
        var page = Math.Max(1, query.Page);
        var matching = db.Memories.AsNoTracking();
        foreach (var word in (query.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            var pattern = "%" + word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            matching = matching.Where(m => EF.Functions.Like(m.Title, pattern, "\\") || EF.Functions.Like(m.Description, pattern, "\\"));
        }

        var memories = await NewestFirst(matching).Skip((page - 1) * query.PageSize).Take(query.PageSize + 1).ToListAsync(cancellationToken);
        var years = await db.Memories
            .GroupBy(_ => 1)
            .Select(g => new { First = g.Min(m => m.TakenOn), Last = g.Max(m => m.TakenOn) })
            .SingleOrDefaultAsync(cancellationToken);
        return new MemoryPage(memories.Take(query.PageSize).ToList(), page, memories.Count > query.PageSize, years?.First.Year, years?.Last.Year);
    }

    /// <summary>The memories just newer and just older than this one in gallery order, for the large view.</summary>
    public async Task<(Memory? Newer, Memory? Older)> NeighboursAsync(Memory memory, CancellationToken cancellationToken = default)
    {
        var older = await NewestFirst(db.Memories.AsNoTracking().Where(m =>
                m.TakenOn < memory.TakenOn
                || (m.TakenOn == memory.TakenOn && m.CreatedAt < memory.CreatedAt)
                || (m.TakenOn == memory.TakenOn && m.CreatedAt == memory.CreatedAt && m.Id < memory.Id)))
            .FirstOrDefaultAsync(cancellationToken);
        var newer = await db.Memories.AsNoTracking().Where(m =>
                m.TakenOn > memory.TakenOn
                || (m.TakenOn == memory.TakenOn && m.CreatedAt > memory.CreatedAt)
                || (m.TakenOn == memory.TakenOn && m.CreatedAt == memory.CreatedAt && m.Id > memory.Id))
            .OrderBy(m => m.TakenOn).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return (newer, older);
    }

    public Task<Memory?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Memories.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    public async Task<Outcome<Memory>> CreateAsync(MemoryInput input, string? userId, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input with { Title = input.Title ?? "" }, out var takenOn);
        if (errors.Count > 0)
        {
            return Outcome<Memory>.Failure(errors);
        }

        var now = clock.UtcNow;
        var memory = new Memory
        {
            Title = input.Title!.Trim(),
            Description = input.Description?.Trim() ?? "",
            TakenOn = takenOn ?? clock.Today,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = userId,
            UpdatedBy = userId,
        };
        db.Memories.Add(memory);
        await db.SaveChangesAsync(cancellationToken);
        return memory;
    }

    /// <returns>Null when no memory has that id.</returns>
    public async Task<Outcome<Memory>?> UpdateAsync(int id, MemoryInput input, string? userId, CancellationToken cancellationToken = default)
    {
        var memory = await db.Memories.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (memory is null)
        {
            return null;
        }

        var errors = Validate(input, out var takenOn);
        if (errors.Count > 0)
        {
            return Outcome<Memory>.Failure(errors);
        }

        if (input.Title is not null)
        {
            memory.Title = input.Title.Trim();
        }

        if (input.Description is not null)
        {
            memory.Description = input.Description.Trim();
        }

        if (takenOn is not null)
        {
            memory.TakenOn = takenOn.Value;
        }

        memory.UpdatedAt = clock.UtcNow;
        memory.UpdatedBy = userId;
        await db.SaveChangesAsync(cancellationToken);
        return memory;
    }

    /// <returns>False when no memory has that id.</returns>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Memories.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private static IOrderedQueryable<Memory> NewestFirst(IQueryable<Memory> memories) =>
        memories.OrderByDescending(m => m.TakenOn).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id);

    private List<FieldError> Validate(MemoryInput input, out DateOnly? takenOn)
    {
        var errors = new List<FieldError>();
        if (input.Title is not null)
        {
            rules.Required(errors, "title", input.Title);
            rules.MaxLength(errors, "title", input.Title.Trim(), Memory.TitleMaxLength);
        }

        rules.MaxLength(errors, "description", input.Description?.Trim(), Memory.DescriptionMaxLength);
        takenOn = string.IsNullOrWhiteSpace(input.TakenOn) ? null : rules.PastDate(errors, "taken_on", input.TakenOn, clock.Today);
        return errors;
    }
}
