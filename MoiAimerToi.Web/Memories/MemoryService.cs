using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Memories;

/// <summary>The rules of a memory, for pages and API alike.</summary>
public sealed class MemoryService(AppDbContext db, CoupleClock clock, FieldRules rules)
{
    /// <summary>Newest first: by the day it happened, then by when it was written.</summary>
    public async Task<IReadOnlyList<Memory>> ListAsync(CancellationToken cancellationToken = default)
    {
        var memories = await db.Memories.AsNoTracking().ToListAsync(cancellationToken);
        return memories.OrderByDescending(m => m.Date).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).ToList();
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
            TakenOn = takenOn,
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

        if (input.TakenOn is not null)
        {
            memory.TakenOn = takenOn;
        }

        memory.UpdatedAt = clock.UtcNow;
        memory.UpdatedBy = userId;
        await db.SaveChangesAsync(cancellationToken);
        return memory;
    }

    /// <returns>False when no memory has that id.</returns>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Memories.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

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
