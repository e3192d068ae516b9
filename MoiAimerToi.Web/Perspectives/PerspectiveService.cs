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
            perspective = Compose(number!.Value, content!, userId);
            db.Perspectives.Add(perspective);
        }
        else
        {
            perspective.Content = content!.Trim();
            perspective.UpdatedAt = clock.UtcNow;
            perspective.UpdatedBy = userId;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SavedPerspective(perspective, created);
    }

    /// <summary>A new perspective as every way of writing one makes it, from fields that passed <see cref="Validate"/>. Not saved.</summary>
    /// <param name="writtenAt">When it was written (UTC): now, unless an import brings an older one.</param>
    public Perspective Compose(int number, string content, string? userId, DateTime? writtenAt = null) => new()
    {
        Number = number,
        Content = content.Trim(),
        UpdatedAt = writtenAt ?? clock.UtcNow,
        OwnerId = userId,
        UpdatedBy = userId,
    };

    /// <summary>The rules of a perspective's fields.</summary>
    /// <param name="alongside">Perspectives written with this one (an import), which may not have its number already.</param>
    public List<FieldError> Validate(int? number, string? content, IEnumerable<Perspective>? alongside = null)
    {
        var errors = new List<FieldError>();
        if (number is null || !Perspective.Numbers.Contains(number.Value))
        {
            errors.Add(new FieldError("perspective_number", text["Error_PerspectiveNumber"]));
        }
        else if (alongside?.Any(p => p.Number == number) == true)
        {
            errors.Add(new FieldError("perspective_number", text["Error_PerspectiveTwice", number.Value]));
        }

        rules.Present(errors, "content", content);
        rules.MaxLength(errors, "content", content?.Trim(), Perspective.ContentMaxLength);
        return errors;
    }
}
