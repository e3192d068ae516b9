using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Web.Dreams;

/// <summary>A change to a dream; a field left null stays as it is (<see cref="ClearDone"/> makes it a dream again).</summary>
public sealed record DreamChange(string? Title = null, string? DoneOn = null, bool ClearDone = false, int? Position = null, int? MemoryId = null, bool ClearMemory = false);

/// <summary>The couple's list of dreams: added, changed, moved, ticked done, and made into a memory, for pages and API alike.</summary>
public sealed class DreamService(AppDbContext db, CoupleClock clock, FieldRules rules, MemoryService memories, IStringLocalizer<SharedResource> text)
{
    public async Task<IReadOnlyList<Dream>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Dreams.AsNoTracking().OrderBy(d => d.Position).ThenBy(d => d.Id).ToListAsync(cancellationToken);

    public Task<Dream?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Dreams.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>The dream a memory was made of, if any.</summary>
    public Task<Dream?> OfMemoryAsync(int memoryId, CancellationToken cancellationToken = default) =>
        db.Dreams.AsNoTracking().FirstOrDefaultAsync(d => d.MemoryId == memoryId, cancellationToken);

    public async Task<Outcome<Dream>> AddAsync(string? title, string? userId, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        CheckTitle(errors, title);
        if (errors.Count > 0)
        {
            return Outcome<Dream>.Failure(errors);
        }

        var now = clock.UtcNow;
        var last = await db.Dreams.MaxAsync(d => (int?)d.Position, cancellationToken) ?? 0;
        var dream = new Dream { Title = title!.Trim(), Position = last + 1, CreatedAt = now, UpdatedAt = now, CreatedBy = userId, UpdatedBy = userId };
        db.Dreams.Add(dream);
        await db.SaveChangesAsync(cancellationToken);
        return dream;
    }

    /// <returns>Null when there is no such dream.</returns>
    public async Task<Outcome<Dream>?> ChangeAsync(int id, DreamChange change, string? userId, CancellationToken cancellationToken = default)
    {
        var dream = await db.Dreams.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dream is null)
        {
            return null;
        }

        var errors = new List<FieldError>();
        if (change.Title is not null)
        {
            CheckTitle(errors, change.Title);
        }

        var doneOn = change.DoneOn is null ? null : rules.PastDate(errors, "done_on", change.DoneOn, clock.Today);
        if (change.MemoryId is { } memoryId && !await memories.ExistsAsync(memoryId, cancellationToken))
        {
            errors.Add(new FieldError("memory_id", text["Error_NoSuchMemory", memoryId]));
        }

        if (errors.Count > 0)
        {
            return Outcome<Dream>.Failure(errors);
        }

        dream.Title = change.Title?.Trim() ?? dream.Title;
        dream.DoneOn = change.ClearDone ? null : doneOn ?? dream.DoneOn;
        dream.MemoryId = change.ClearMemory ? null : change.MemoryId ?? dream.MemoryId;
        if (change.Position is { } position)
        {
            await PlaceAsync(dream, position, cancellationToken);
        }

        dream.UpdatedAt = clock.UtcNow;
        dream.UpdatedBy = userId;
        await db.SaveChangesAsync(cancellationToken);
        return dream;
    }

    /// <summary>One place up (-1) or down (+1) the list, for the ↑ ↓ buttons.</summary>
    public async Task<bool> MoveAsync(int id, int by, string? userId, CancellationToken cancellationToken = default)
    {
        var list = await ListAsync(cancellationToken);
        var index = list.ToList().FindIndex(d => d.Id == id);
        if (index < 0)
        {
            return false;
        }

        return await ChangeAsync(id, new DreamChange(Position: Math.Clamp(index + by, 0, list.Count - 1) + 1), userId, cancellationToken) is { Succeeded: true };
    }

    /// <summary>Ticked done today (the couple's day).</summary>
    public Task<Outcome<Dream>?> DoneAsync(int id, string? userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, new DreamChange(DoneOn: clock.Today.ToString(FieldRules.DateFormat)), userId, cancellationToken);

    /// <summary>
    /// A memory made of a dream come true: created with that title and day, then the dream linked to it (and so the
    /// memory to the dream). Null when the dream is not there.
    /// </summary>
    public async Task<Outcome<Memory>?> MakeMemoryAsync(int id, MemoryInput input, string? userId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, cancellationToken) is null)
        {
            return null;
        }

        var made = await memories.CreateAsync(input, photo: null, userId, cancellationToken);
        if (made.Succeeded)
        {
            await ChangeAsync(id, new DreamChange(MemoryId: made.Value!.Id), userId, cancellationToken);
        }

        return made;
    }

    /// <summary>Through the change tracker, so that the visitors' cached pages go with it.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var dream = await db.Dreams.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dream is null)
        {
            return false;
        }

        db.Dreams.Remove(dream);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The dream at the 1-based <paramref name="position"/>, the others renumbered around it in order.</summary>
    private async Task PlaceAsync(Dream dream, int position, CancellationToken cancellationToken)
    {
        var others = await db.Dreams.Where(d => d.Id != dream.Id).OrderBy(d => d.Position).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        others.Insert(Math.Clamp(position - 1, 0, others.Count), dream);
        for (var i = 0; i < others.Count; i++)
        {
            others[i].Position = i + 1;
        }
    }

    /// <summary>The rules of a dream an import brings (its title, the day it came true), and the dream they make.</summary>
    public List<FieldError> Validate(string? title, string? doneOn, out DateOnly? done)
    {
        var errors = new List<FieldError>();
        CheckTitle(errors, title);
        done = string.IsNullOrEmpty(doneOn) ? null : rules.PastDate(errors, "done_on", doneOn, clock.Today);
        return errors;
    }

    public Dream Compose(string title, DateOnly? doneOn, int position, string? userId)
    {
        var now = clock.UtcNow;
        return new Dream { Title = title.Trim(), DoneOn = doneOn, Position = position, CreatedAt = now, UpdatedAt = now, CreatedBy = userId, UpdatedBy = userId };
    }

    private void CheckTitle(List<FieldError> errors, string? title)
    {
        rules.Required(errors, "title", title);
        rules.MaxLength(errors, "title", title?.Trim(), Dream.TitleMaxLength);
    }
}
