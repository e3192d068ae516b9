using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Remembering;

/// <summary>What a form or the API sends for an important date; a field left out (null) is an error.</summary>
public sealed record ImportantDateInput(string? Title, string? Date, bool? Yearly);

/// <summary>The couple's own dates: listed, added, changed and deleted, for pages and API alike.</summary>
public sealed class ImportantDates(AppDbContext db, CoupleClock clock, FieldRules rules)
{
    public async Task<IReadOnlyList<ImportantDate>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.ImportantDates.AsNoTracking().OrderBy(d => d.Date.Month).ThenBy(d => d.Date.Day).ThenBy(d => d.Id).ToListAsync(cancellationToken);

    public Task<ImportantDate?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.ImportantDates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    public async Task<Outcome<ImportantDate>> AddAsync(ImportantDateInput input, string? userId, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input, out var date);
        if (errors.Count > 0)
        {
            return Outcome<ImportantDate>.Failure(errors);
        }

        var important = Compose(input, date!.Value, userId);
        db.ImportantDates.Add(important);
        await db.SaveChangesAsync(cancellationToken);
        return important;
    }

    /// <returns>Null when there is no such date.</returns>
    public async Task<Outcome<ImportantDate>?> UpdateAsync(int id, ImportantDateInput input, string? userId, CancellationToken cancellationToken = default)
    {
        var important = await db.ImportantDates.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (important is null)
        {
            return null;
        }

        var errors = Validate(input, out var date);
        if (errors.Count > 0)
        {
            return Outcome<ImportantDate>.Failure(errors);
        }

        important.Title = input.Title!.Trim();
        important.Date = date!.Value;
        important.Yearly = input.Yearly ?? important.Yearly;
        important.UpdatedAt = clock.UtcNow;
        important.UpdatedBy = userId;
        await db.SaveChangesAsync(cancellationToken);
        return important;
    }

    /// <summary>Through the change tracker, so that the visitors' cached pages go with it.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var important = await db.ImportantDates.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (important is null)
        {
            return false;
        }

        db.ImportantDates.Remove(important);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>A new date from input that passed <see cref="Validate"/> (an import saves it in its own transaction).</summary>
    public ImportantDate Compose(ImportantDateInput input, DateOnly date, string? userId)
    {
        var now = clock.UtcNow;
        return new ImportantDate
        {
            Title = input.Title!.Trim(),
            Date = date,
            Yearly = input.Yearly ?? true,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = userId,
            UpdatedBy = userId,
        };
    }

    public List<FieldError> Validate(ImportantDateInput input, out DateOnly? date)
    {
        var errors = new List<FieldError>();
        rules.Required(errors, "title", input.Title);
        rules.MaxLength(errors, "title", input.Title?.Trim(), ImportantDate.TitleMaxLength);
        date = rules.Date(errors, "date", input.Date);
        return errors;
    }
}
