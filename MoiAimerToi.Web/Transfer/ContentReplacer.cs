using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Letters;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Web.Transfer;

/// <summary>
/// The one step of an import that changes the site: in a single transaction the memories and perspectives
/// are replaced and the texts set; only once that is committed do the old photos' and videos' files and the cached pages go.
/// </summary>
public sealed class ContentReplacer(
    AppDbContext db, CoupleClock clock, MemoryPhotos photos, ILogger<ContentReplacer> logger)
{
    private List<LetterPhoto> _replacedLetterPhotos = [];

    public async Task ReplaceAsync(SiteContent content, string? userId, CancellationToken cancellationToken)
    {
        List<MemoryMedia> replaced;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Read inside the transaction, which holds SQLite's write lock: no photo saved meanwhile is missed.
            var memories = await db.Memories.Include(m => m.Media).ToListAsync(cancellationToken);
            replaced = memories.SelectMany(m => m.Media).ToList();
            // The other partner's sides are not the importer's to drop: kept, and put back on the memory of the same
            // title and day (the importer's own come from the file).
            var titles = memories.ToDictionary(m => m.Id, m => (m.Title, m.TakenOn));
            var othersSides = (await db.MemorySides.AsNoTracking().Where(s => s.AuthorId != userId).ToListAsync(cancellationToken))
                .Select(s => (Memory: titles.GetValueOrDefault(s.MemoryId), Side: s)).ToList();
            db.Memories.RemoveRange(memories);
            db.Perspectives.RemoveRange(await db.Perspectives.ToListAsync(cancellationToken));
            if (content.Dates is not null)
            {
                db.ImportantDates.RemoveRange(await db.ImportantDates.ToListAsync(cancellationToken));
            }

            // An import replaces the importer's own letters when it brings some; the other partner's are never touched.
            var replacedLetters = new List<LetterPhoto>();
            if (content.Letters is { Count: > 0 } && userId is not null)
            {
                var old = await db.Letters.Include(l => l.Photos).Where(l => l.AuthorId == userId).ToListAsync(cancellationToken);
                replacedLetters = old.SelectMany(l => l.Photos).ToList();
                db.Letters.RemoveRange(old);
            }

            if (content.Dreams is not null)
            {
                db.Dreams.RemoveRange(await db.Dreams.ToListAsync(cancellationToken));
            }
            // Deleted first, so that a perspective number comes back without meeting its old row.
            await db.SaveChangesAsync(cancellationToken);

            var now = clock.UtcNow;
            var couple = await db.CoupleData.SingleAsync(c => c.Id == CoupleData.SingletonId, cancellationToken);
            couple.StartDate = content.Couple.StartDate ?? couple.StartDate;
            couple.HomeMessage = content.Couple.HomeMessage ?? couple.HomeMessage;
            couple.IntroText = content.Couple.IntroText ?? couple.IntroText;
            couple.Monthsaries = content.Couple.Monthsaries ?? couple.Monthsaries;
            couple.UpdatedAt = now;
            couple.UpdatedBy = userId;

            db.Memories.AddRange(content.Memories);
            db.Perspectives.AddRange(content.Perspectives);
            db.ImportantDates.AddRange(content.Dates ?? []);
            db.Letters.AddRange(content.Letters ?? []);
            _replacedLetterPhotos = replacedLetters;
            await db.SaveChangesAsync(cancellationToken);

            foreach (var (memory, side) in content.Sides ?? [])
            {
                side.MemoryId = memory.Id;
                db.MemorySides.Add(side);
            }

            foreach (var (was, side) in othersSides)
            {
                if (content.Memories.FirstOrDefault(m => (m.Title, m.TakenOn) == was) is { } same)
                {
                    db.MemorySides.Add(new MemorySide
                    {
                        MemoryId = same.Id, AuthorId = side.AuthorId, Content = side.Content, Revealed = side.Revealed, CreatedAt = side.CreatedAt, UpdatedAt = side.UpdatedAt,
                    });
                }
            }

            // After the memories have their ids, so that a dream points at the memory made of it.
            foreach (var (dream, memory) in content.Dreams ?? [])
            {
                dream.MemoryId = memory?.Id;
                db.Dreams.Add(dream);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        await photos.RemoveAsync(replaced);
        foreach (var photo in _replacedLetterPhotos)
        {
            await photos.RemoveAsync(photo.FileName);
        }

        logger.LogInformation("Import: the site's content was replaced by {Memories} memories and {Perspectives} perspectives",
            content.Memories.Count, content.Perspectives.Count);
    }
}
