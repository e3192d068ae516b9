using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Memories;

/// <summary>The rules of a memory, for pages and API alike.</summary>
public sealed class MemoryService(AppDbContext db, CoupleClock clock, FieldRules rules, MemoryPhotos photos, AlbumLock albumLock, Audience audience)
{
    /// <summary>
    /// The memories this request may read: every one for the partners, all but the "just us" ones for anyone else.
    /// Every read of memories a page, a fragment, the API or a shared link shows goes through here (a test holds
    /// <c>db.Memories</c> to the few places that must see all: the export, the restore, the sweep).
    /// </summary>
    private IQueryable<Memory> Readable => audience.SeesJustUs ? db.Memories : db.Memories.Where(m => !m.JustUs);

    /// <summary>Every memory, newest first: by the day it happened, then by when it was written.</summary>
    public async Task<IReadOnlyList<Memory>> ListAsync(CancellationToken cancellationToken = default) =>
        await NewestFirst(WithAlbum(Readable.AsNoTracking())).AsSplitQuery().ToListAsync(cancellationToken);

    /// <summary>
    /// The memories of this calendar day in earlier years, newest first; on a 28 February without a 29th, those of
    /// 29 February too. Read like every other list: "just us" ones only for the partners.
    /// </summary>
    public async Task<IReadOnlyList<Memory>> OnThisDayAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var leapDayToo = today is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(today.Year);
        var sameDay = Readable.AsNoTracking().Where(m => m.TakenOn.Year < today.Year
            && (m.TakenOn.Month == today.Month && m.TakenOn.Day == today.Day || leapDayToo && m.TakenOn.Month == 2 && m.TakenOn.Day == 29));
        return await NewestFirst(WithAlbum(sameDay)).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The memories of the seven days from <paramref name="weekStart"/> in earlier years (the weekly « cette semaine-là »),
    /// oldest day of the week first; a 29 February with the 28th of a year without one.
    /// </summary>
    public async Task<IReadOnlyList<Memory>> OfTheWeekAsync(DateOnly weekStart, CancellationToken cancellationToken = default)
    {
        var days = Enumerable.Range(0, 7).Select(weekStart.AddDays).ToList();
        var monthDays = days.Select(d => d.Month * 100 + d.Day).ToList();
        if (days.Any(d => d is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(d.Year)))
        {
            monthDays.Add(229);
        }

        var found = await Readable.AsNoTracking()
            .Where(m => m.TakenOn < weekStart && monthDays.Contains(m.TakenOn.Month * 100 + m.TakenOn.Day))
            .ToListAsync(cancellationToken);
        return found.OrderBy(m => monthDays.IndexOf(m.TakenOn.Month * 100 + m.TakenOn.Day)).ThenByDescending(m => m.TakenOn).ToList();
    }

    /// <summary>One page of the gallery, with the span of years of the whole gallery for its title.</summary>
    public async Task<MemoryPage> PageAsync(MemoryQuery query, CancellationToken cancellationToken = default)
    {
        var page = Math.Max(1, query.Page);
        var matching = Readable.AsNoTracking();
        // Every word, in any order, in the title or the description, whatever its case and accents.
        foreach (var word in SearchText.Normalize(query.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            var pattern = "%" + word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            // PostgreSQL's own unaccent reads the title and the description; SQLite, which has none, reads the words the
            // site keeps without accents (both sides lower case, accents and ligatures gone, as SearchText writes them).
            matching = db.Database.IsNpgsql()
                ? matching.Where(m => EF.Functions.ILike(EF.Functions.Unaccent(m.Title + " " + (m.Description ?? "")), EF.Functions.Unaccent(pattern), "\\"))
                : matching.Where(m => EF.Functions.Like(m.SearchText, pattern, "\\"));
        }

        var memories = await NewestFirst(matching).Skip((page - 1) * query.PageSize).Take(query.PageSize + 1).ToListAsync(cancellationToken);
        var years = await Readable
            .GroupBy(_ => 1)
            .Select(g => new { First = g.Min(m => m.TakenOn), Last = g.Max(m => m.TakenOn) })
            .SingleOrDefaultAsync(cancellationToken);
        return new MemoryPage(memories.Take(query.PageSize).ToList(), page, memories.Count > query.PageSize, years?.First.Year, years?.Last.Year);
    }

    /// <summary>The memories just newer and just older than this one in gallery order, for the large view.</summary>
    public async Task<(Memory? Newer, Memory? Older)> NeighboursAsync(Memory memory, CancellationToken cancellationToken = default)
    {
        var older = await NewestFirst(Readable.AsNoTracking().Where(m =>
                m.TakenOn < memory.TakenOn
                || (m.TakenOn == memory.TakenOn && m.CreatedAt < memory.CreatedAt)
                || (m.TakenOn == memory.TakenOn && m.CreatedAt == memory.CreatedAt && m.Id < memory.Id)))
            .FirstOrDefaultAsync(cancellationToken);
        var newer = await Readable.AsNoTracking().Where(m =>
                m.TakenOn > memory.TakenOn
                || (m.TakenOn == memory.TakenOn && m.CreatedAt > memory.CreatedAt)
                || (m.TakenOn == memory.TakenOn && m.CreatedAt == memory.CreatedAt && m.Id > memory.Id))
            .OrderBy(m => m.TakenOn).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return (newer, older);
    }

    /// <summary>
    /// The memory one of whose media is stored as <paramref name="storedName"/> (a photo, a video's poster or its MP4),
    /// with that medium, if this request may read it.
    /// </summary>
    public async Task<(Memory Memory, MemoryMedia Medium)?> FindByFileAsync(string storedName, CancellationToken cancellationToken = default)
    {
        var found = await Readable.AsNoTracking()
            .SelectMany(m => m.Media.Where(x => x.FileName == storedName || x.PosterFileName == storedName), (m, x) => new { Memory = m, Medium = x })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Memory, found.Medium);
    }

    /// <summary>The memory one of whose media has that id, with its album, if this request may read it.</summary>
    public Task<Memory?> FindByMediumAsync(int mediaId, CancellationToken cancellationToken = default) =>
        WithAlbum(Readable.AsNoTracking()).SingleOrDefaultAsync(m => m.Media.Any(x => x.Id == mediaId), cancellationToken);

    public Task<bool> ExistsAsync(int id, CancellationToken cancellationToken = default) => Readable.AnyAsync(m => m.Id == id, cancellationToken);

    /// <summary>The memory with its album, in order.</summary>
    public Task<Memory?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        WithAlbum(Readable.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>The memory with its album, tracked for a change, if this request may read it.</summary>
    public Task<Memory?> FindForChangeAsync(int id, CancellationToken cancellationToken = default) =>
        WithAlbum(Readable).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>The titles of those of <paramref name="ids"/> this request may read.</summary>
    public async Task<IReadOnlyDictionary<int, string>> TitlesAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        return await Readable.Where(m => wanted.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, cancellationToken);
    }

    /// <param name="photo">An upload for the photo pipeline, or null for a memory without a photo.</param>
    public async Task<Outcome<Memory>> CreateAsync(MemoryInput input, Stream? photo, string? userId, CancellationToken cancellationToken = default)
    {
        var (takenOn, stored, errors) = await CheckAsync(input with { Title = input.Title ?? "" }, photo, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome<Memory>.Failure(errors);
        }

        var memory = Compose(input, takenOn, stored, userId);
        db.Memories.Add(memory);
        await SaveOrRemoveAsync(stored);
        return memory;
    }

    /// <summary>
    /// A new memory as every way of adding one makes it (the pages, the API, a restored export, the old site's
    /// import), from fields that passed <see cref="Validate"/>: trimmed, dated as given, else as its photo says,
    /// else by the day it was written down. Not saved.
    /// </summary>
    /// <param name="writtenAt">When it was written down (UTC): now, unless an import brings an older one.</param>
    public Memory Compose(MemoryInput input, DateOnly? takenOn, StoredPhoto? photo, string? userId, DateTime? writtenAt = null)
    {
        var createdAt = writtenAt ?? clock.UtcNow;
        var memory = new Memory
        {
            Title = input.Title!.Trim(),
            Description = input.Description?.Trim() ?? "",
            TakenOn = takenOn ?? photo?.TakenOn ?? clock.DayOf(createdAt),
            DateChosen = takenOn is not null,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            CreatedBy = userId,
            UpdatedBy = userId,
            JustUs = input.JustUs ?? false,
        };
        if (photo is not null)
        {
            Album.Add(memory, Album.Photo(photo, createdAt));
        }

        return memory;
    }

    /// <param name="photo">A new photo for the cover, or null to keep it.</param>
    /// <param name="keepOldCover">The pages' way: the old cover stays in the album. The old API's (false): the photo
    /// replaces the cover, whose files go once the change is saved.</param>
    /// <returns>Null when no memory has that id.</returns>
    public async Task<Outcome<Memory>?> UpdateAsync(
        int id, MemoryInput input, Stream? photo, string? userId, CancellationToken cancellationToken = default, bool keepOldCover = false)
    {
        if (await FindAsync(id, cancellationToken) is null)
        {
            return null;
        }

        var (takenOn, stored, errors) = await CheckAsync(input, photo, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome<Memory>.Failure(errors);
        }

        using var album = await albumLock.EnterAsync();
        var memory = await FindForChangeAsync(id, CancellationToken.None);
        if (memory is null)
        {
            // Deleted while its new photo was being stored.
            await photos.RemoveAsync(stored);
            return null;
        }

        memory.Title = input.Title?.Trim() ?? memory.Title;
        memory.Description = input.Description?.Trim() ?? memory.Description;
        // The edit form sends the day it shows: only a different one is the couple's choice.
        if (takenOn is { } day && (memory.DateChosen || day != memory.TakenOn))
        {
            (memory.TakenOn, memory.DateChosen) = (day, true);
        }

        if (input.JustUs == true && !memory.JustUs)
        {
            // Now for the partners alone: no link may show it any more.
            db.ShareLinks.RemoveRange(await db.ShareLinks.Where(l => l.MemoryId == id).ToListAsync(CancellationToken.None));
        }

        memory.JustUs = input.JustUs ?? memory.JustUs;
        // A memory created without a date, then given a photo that says when it was taken, takes that day.
        MemoryMedia? replaced = null;
        if (stored is not null && keepOldCover)
        {
            Album.AddAsCover(memory, Album.Photo(stored, clock.UtcNow));
        }
        else if (stored is not null)
        {
            replaced = Album.ReplaceCover(memory, Album.Photo(stored, clock.UtcNow));
        }

        memory.UpdatedAt = clock.UtcNow;
        memory.UpdatedBy = userId;
        await SaveOrRemoveAsync(stored);
        await photos.RemoveAsync([replaced]);
        return memory;
    }

    /// <summary>Removes the row (its album's rows with it), then their files.</summary>
    /// <returns>False when no memory has that id.</returns>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        using var album = await albumLock.EnterAsync();
        var memory = await FindForChangeAsync(id, cancellationToken);
        if (memory is null)
        {
            return false;
        }

        db.Memories.Remove(memory);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted by someone else in between: theirs removed the files.
            return false;
        }

        await photos.RemoveAsync(memory.Media);
        return true;
    }

    /// <summary>The fields' rules, then, only when they pass, the photo through the pipeline.</summary>
    private async Task<(DateOnly? TakenOn, StoredPhoto? Photo, IReadOnlyList<FieldError> Errors)> CheckAsync(
        MemoryInput input, Stream? photo, CancellationToken cancellationToken)
    {
        var errors = Validate(input, out var takenOn);
        if (errors.Count > 0 || photo is null)
        {
            return (takenOn, null, errors);
        }

        var (stored, error) = await photos.StoreAsync(photo, cancellationToken);
        return (takenOn, stored, error is null ? [] : [error]);
    }

    /// <summary>
    /// Saves whatever happens to the request (a half-saved upload is worse than a late one); if saving
    /// fails, the photo just stored is removed so no file is left without its row.
    /// </summary>
    private async Task SaveOrRemoveAsync(StoredPhoto? stored)
    {
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            await photos.RemoveAsync(stored);
            throw;
        }
    }

    private static IQueryable<Memory> WithAlbum(IQueryable<Memory> memories) => memories.Include(m => m.Media.OrderBy(x => x.Position));

    private static IOrderedQueryable<Memory> NewestFirst(IQueryable<Memory> memories) =>
        memories.OrderByDescending(m => m.TakenOn).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id);

    /// <summary>The rules of a memory's fields; a null title is left as it is (a change), so a new memory passes "".</summary>
    public List<FieldError> Validate(MemoryInput input, out DateOnly? takenOn)
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
