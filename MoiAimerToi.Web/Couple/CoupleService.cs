using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Couple;

/// <summary>Reads and changes the couple's start date and texts, for pages and API alike.</summary>
public sealed class CoupleService(AppDbContext db, CoupleClock clock, FieldRules rules)
{
    public async Task<CoupleData> GetAsync(CancellationToken cancellationToken = default) =>
        await FindAsync(cancellationToken) ?? throw new InvalidOperationException("The couple's row was not made at start-up.");

    /// <summary>The row, or null before the first start made it (the same query as every page's, so the start compiles it for them).</summary>
    public Task<CoupleData?> FindAsync(CancellationToken cancellationToken = default) =>
        db.CoupleData.AsNoTracking().SingleOrDefaultAsync(c => c.Id == CoupleData.SingletonId, cancellationToken);

    public Task<Outcome<CoupleData>> SetStartDateAsync(string? value, string? userId, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var date = rules.PastDate(errors, "start_date", value, clock.Today);
        return SaveAsync(errors, couple => couple.StartDate = date!.Value, userId, cancellationToken);
    }

    public Task<Outcome<CoupleData>> SetHomeMessageAsync(string? value, string? userId, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        CheckText(errors, "home_message", value, CoupleData.HomeMessageMaxLength);
        return SaveAsync(errors, couple => couple.HomeMessage = value!.Trim(), userId, cancellationToken);
    }

    public Task<Outcome<CoupleData>> SetIntroTextAsync(string? value, string? userId, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        CheckText(errors, "intro_text", value, CoupleData.IntroTextMaxLength);
        return SaveAsync(errors, couple => couple.IntroText = value!.Trim(), userId, cancellationToken);
    }

    /// <summary>All three fields' rules at once, for an import that saves them in its own transaction.</summary>
    public List<FieldError> Validate(string? startDate, string? homeMessage, string? introText, out DateOnly? date)
    {
        var errors = new List<FieldError>();
        date = rules.PastDate(errors, "start_date", startDate, clock.Today);
        CheckText(errors, "home_message", homeMessage, CoupleData.HomeMessageMaxLength);
        CheckText(errors, "intro_text", introText, CoupleData.IntroTextMaxLength);
        return errors;
    }

    private void CheckText(List<FieldError> errors, string field, string? value, int maxLength)
    {
        rules.Present(errors, field, value);
        rules.MaxLength(errors, field, value?.Trim(), maxLength);
    }

    private async Task<Outcome<CoupleData>> SaveAsync(
        List<FieldError> errors, Action<CoupleData> change, string? userId, CancellationToken cancellationToken)
    {
        if (errors.Count > 0)
        {
            return Outcome<CoupleData>.Failure(errors);
        }

        var couple = await db.CoupleData.SingleAsync(c => c.Id == CoupleData.SingletonId, cancellationToken);
        change(couple);
        couple.UpdatedAt = clock.UtcNow;
        couple.UpdatedBy = userId;
        await db.SaveChangesAsync(cancellationToken);
        return couple;
    }
}
