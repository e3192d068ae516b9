using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Web.Letters;

/// <summary>What a form or the API sends for a letter: <c>to</c> is "partner" or "both", <c>opens_on</c> a day after today.</summary>
public sealed record LetterInput(string? To, string? Content, string? OpensOn);

/// <summary>A letter as one reader has it: <see cref="Content"/> and <see cref="Photos"/> empty while it is sealed to them.</summary>
public sealed record LetterView(int Id, string AuthorId, string From, bool Mine, bool ToBoth, DateOnly OpensOn, bool Sealed, string? Content, IReadOnlyList<LetterPhoto> Photos);

/// <summary>Why a change to a letter was refused: not there for this reader, not theirs (403), already open (409).</summary>
public enum LetterRefusal
{
    NotFound,
    NotAuthor,
    Opened,
}

public sealed record LetterOutcome(Letter? Letter, IReadOnlyList<FieldError> Errors, LetterRefusal? Refusal = null)
{
    public bool Succeeded => Letter is not null && Errors.Count == 0 && Refusal is null;
}

/// <summary>
/// Sealed letters and the one rule of who reads them. Until the couple's day reaches <see cref="Letter.OpensOn"/>,
/// only its author reads it; the partner it is for sees that one waits and when it opens. From that day, the one it is
/// for (or both partners) read it too. Guests, visitors, share links and the key never see a letter, sealed or not.
/// The author may change or delete it until it opens. Every page, API answer, file and export asks here.
/// </summary>
public sealed class LetterService(AppDbContext db, Partners partners, MemoryPhotos photos, CoupleClock clock, FieldRules rules, IStringLocalizer<SharedResource> text)
{
    public bool IsSealed(Letter letter) => clock.Today < letter.OpensOn;

    /// <summary>Every letter the reader may know of (written by them, or for them), soonest to open first.</summary>
    public async Task<IReadOnlyList<LetterView>> ListAsync(string? readerId, CancellationToken cancellationToken = default)
    {
        if (await PartnerAsync(readerId, cancellationToken) is not { } reader)
        {
            return [];
        }

        var letters = await db.Letters.AsNoTracking().Include(l => l.Photos).OrderBy(l => l.OpensOn).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        var accounts = await partners.AccountsAsync(cancellationToken);
        return letters.Where(l => l.AuthorId == reader || IsFor(l, reader)).Select(l => View(l, reader, accounts)).ToList();
    }

    /// <summary>The letter if the reader may read it now (its author, or the one it is for once open); else null.</summary>
    public async Task<LetterView?> ReadAsync(int id, string? readerId, CancellationToken cancellationToken = default) =>
        (await ListAsync(readerId, cancellationToken)).FirstOrDefault(l => l.Id == id && l.Content is not null);

    /// <summary>Letters opened for the reader in the last week, the newest first: what the home page announces.</summary>
    public async Task<IReadOnlyList<LetterView>> JustOpenedAsync(string? readerId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        return (await ListAsync(readerId, cancellationToken))
            .Where(l => !l.Sealed && (!l.Mine || l.ToBoth) && l.OpensOn > today.AddDays(-7))
            .OrderByDescending(l => l.OpensOn).ToList();
    }

    /// <summary>Whether a stored photo belongs to a letter this reader may read now.</summary>
    public async Task<bool> MayReadFileAsync(string fileName, string? readerId, CancellationToken cancellationToken = default)
    {
        var letterId = await db.LetterPhotos.AsNoTracking().Where(p => p.FileName == fileName).Select(p => (int?)p.LetterId).FirstOrDefaultAsync(cancellationToken);
        return letterId is { } id && await ReadAsync(id, readerId, cancellationToken) is not null;
    }

    public async Task<LetterOutcome> WriteAsync(string readerId, LetterInput input, IReadOnlyList<Stream> photoUploads, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input, out var toBoth, out var opensOn);
        var recipient = await RecipientAsync(readerId, toBoth, errors, cancellationToken);
        if (photoUploads.Count > Letter.MaxPhotos)
        {
            errors.Add(new FieldError("photos", text["Error_LetterPhotos", Letter.MaxPhotos]));
        }

        if (errors.Count > 0 || await PartnerAsync(readerId, cancellationToken) is null)
        {
            return new LetterOutcome(null, errors, errors.Count > 0 ? null : LetterRefusal.NotAuthor);
        }

        var letter = new Letter { AuthorId = readerId, ToBoth = toBoth, RecipientId = recipient, Content = input.Content!.Trim(), OpensOn = opensOn!.Value };
        foreach (var upload in photoUploads)
        {
            var (stored, error) = await photos.StoreAsync(upload, cancellationToken, keepOriginal: false);
            if (error is not null)
            {
                foreach (var kept in letter.Photos)
                {
                    await photos.RemoveAsync(kept.FileName);
                }

                return new LetterOutcome(null, [error with { Field = "photos" }]);
            }

            letter.Photos.Add(new LetterPhoto { FileName = stored!.FileName, Width = stored.Width, Height = stored.Height, Position = letter.Photos.Count });
        }

        letter.CreatedAt = letter.UpdatedAt = clock.UtcNow;
        db.Letters.Add(letter);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            foreach (var photo in letter.Photos)
            {
                await photos.RemoveAsync(photo.FileName);
            }

            throw;
        }

        return new LetterOutcome(letter, []);
    }

    /// <summary>The author's change, while the letter is sealed; its photos stay.</summary>
    public async Task<LetterOutcome> UpdateAsync(int id, string? readerId, LetterInput input, CancellationToken cancellationToken = default)
    {
        var letter = await db.Letters.Include(l => l.Photos).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (Refusal(letter, readerId) is { } refusal)
        {
            return new LetterOutcome(null, [], refusal);
        }

        var errors = Validate(input, out var toBoth, out var opensOn);
        var recipient = await RecipientAsync(letter!.AuthorId, toBoth, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new LetterOutcome(null, errors);
        }

        letter.ToBoth = toBoth;
        letter.RecipientId = recipient;
        letter.Content = input.Content!.Trim();
        letter.OpensOn = opensOn!.Value;
        letter.UpdatedAt = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return new LetterOutcome(letter, []);
    }

    /// <summary>The author's, while sealed: the letter and its photos' files.</summary>
    public async Task<LetterRefusal?> DeleteAsync(int id, string? readerId, CancellationToken cancellationToken = default)
    {
        var letter = await db.Letters.Include(l => l.Photos).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (Refusal(letter, readerId) is { } refusal)
        {
            return refusal;
        }

        db.Letters.Remove(letter!);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var photo in letter!.Photos)
        {
            await photos.RemoveAsync(photo.FileName);
        }

        return null;
    }

    /// <summary>Null when the reader may change the letter: theirs, and still sealed. A letter not for them is not there.</summary>
    private LetterRefusal? Refusal(Letter? letter, string? readerId) => letter switch
    {
        null => LetterRefusal.NotFound,
        _ when letter.AuthorId != readerId => IsFor(letter, readerId) ? LetterRefusal.NotAuthor : LetterRefusal.NotFound,
        _ when !IsSealed(letter) => LetterRefusal.Opened,
        _ => null,
    };

    /// <summary>For both partners, or for the one it names: never for a guest (only a partner reaches here).</summary>
    private static bool IsFor(Letter letter, string? readerId) => readerId is not null && (letter.ToBoth || letter.RecipientId == readerId);

    /// <summary>The other partner of the author, for a letter "to partner"; an error when there is none yet.</summary>
    public async Task<string?> RecipientAsync(string authorId, bool toBoth, List<FieldError> errors, CancellationToken cancellationToken = default)
    {
        if (toBoth)
        {
            return null;
        }

        var other = (await partners.AccountsAsync(cancellationToken)).Values.FirstOrDefault(u => u.Role == AccountRole.Partner && u.Id != authorId);
        if (other is null)
        {
            errors.Add(new FieldError("to", text["Error_LetterNoPartner"]));
        }

        return other?.Id;
    }

    private async Task<string?> PartnerAsync(string? readerId, CancellationToken cancellationToken) =>
        readerId is not null && (await partners.AccountsAsync(cancellationToken)).TryGetValue(readerId, out var user) && user.Role == AccountRole.Partner
            ? readerId
            : null;

    private LetterView View(Letter letter, string reader, IReadOnlyDictionary<string, AppUser> accounts)
    {
        var mine = letter.AuthorId == reader;
        var sealedToReader = IsSealed(letter) && !mine;
        return new LetterView(
            letter.Id,
            letter.AuthorId,
            accounts.TryGetValue(letter.AuthorId, out var author) ? author.ShownName : "",
            mine,
            letter.ToBoth,
            letter.OpensOn,
            IsSealed(letter),
            sealedToReader ? null : letter.Content,
            sealedToReader ? [] : letter.Photos.OrderBy(p => p.Position).ToList());
    }

    private List<FieldError> Validate(LetterInput input, out bool toBoth, out DateOnly? opensOn)
    {
        var errors = new List<FieldError>();
        toBoth = input.To == "both";
        if (input.To is not ("partner" or "both"))
        {
            errors.Add(new FieldError("to", text["Error_LetterTo"]));
        }

        rules.Required(errors, "content", input.Content);
        rules.MaxLength(errors, "content", input.Content?.Trim(), Letter.ContentMaxLength);
        opensOn = rules.FutureDate(errors, "opens_on", input.OpensOn, clock.Today);
        return errors;
    }
}
