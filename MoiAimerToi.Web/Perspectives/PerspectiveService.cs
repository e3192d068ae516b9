using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Web.Perspectives;

public sealed record SavedPerspective(Perspective Perspective, bool Created);

/// <summary>The rules of the two perspectives, for pages and API alike.</summary>
public sealed class PerspectiveService(AppDbContext db, CoupleClock clock, FieldRules rules, IStringLocalizer<SharedResource> text)
{
    public async Task<IReadOnlyList<Perspective>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Perspectives.AsNoTracking().OrderBy(p => p.Number).ToListAsync(cancellationToken);

    public Task<Perspective?> FindAsync(int number, CancellationToken cancellationToken = default) =>
        db.Perspectives.AsNoTracking().SingleOrDefaultAsync(p => p.Number == number, cancellationToken);

    /// <summary>Writes perspective <paramref name="number"/>, creating it the first time.</summary>
    public async Task<Outcome<SavedPerspective>> SaveAsync(int? number, string? content, string? userId, CancellationToken cancellationToken = default)
    {
        var errors = Validate(number, content);
        if (errors.Count > 0)
        {
            return Outcome<SavedPerspective>.Failure(errors);
        }

        var perspective = await db.Perspectives.SingleOrDefaultAsync(p => p.Number == number, cancellationToken);
        var created = perspective is null;
        if (perspective is null)
        {
            perspective = new Perspective { Number = number!.Value, OwnerId = userId };
            db.Perspectives.Add(perspective);
        }

        perspective.Content = content!.Trim();
        perspective.UpdatedAt = clock.UtcNow;
        perspective.UpdatedBy = userId;
        await db.SaveChangesAsync(cancellationToken);
        return new SavedPerspective(perspective, created);
    }

    /// <summary>The rules of a perspective, for a caller that saves in its own way (an import).</summary>
    public List<FieldError> Validate(int? number, string? content)
    {
        var errors = new List<FieldError>();
        if (number is null || !Perspective.Numbers.Contains(number.Value))
        {
            errors.Add(new FieldError("perspective_number", text["Error_PerspectiveNumber"]));
        }

        rules.Present(errors, "content", content);
        rules.MaxLength(errors, "content", content?.Trim(), Perspective.ContentMaxLength);
        return errors;
    }
}
