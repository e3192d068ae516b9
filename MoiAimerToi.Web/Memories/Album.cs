using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Memories;

/// <summary>
/// The rules of a memory's album, on its loaded <see cref="Memory.Media"/>: one order without gaps, the first is the
/// cover, and the memory's copies of the cover and its counts follow every change (<see cref="Refresh"/>). A memory
/// whose day the couple did not choose takes its earliest photo's EXIF day.
/// </summary>
public static class Album
{
    public static IReadOnlyList<MemoryMedia> InOrder(Memory memory) => memory.Media.OrderBy(m => m.Position).ThenBy(m => m.Id).ToList();

    public static MemoryMedia? Cover(Memory memory) => InOrder(memory).FirstOrDefault();

    /// <summary>A stored photo as a medium of an album (not yet in one).</summary>
    /// <param name="uploadedAs">The uploaded file's own name, for the download of its original.</param>
    public static MemoryMedia Photo(StoredPhoto photo, DateTime addedAt, string? uploadedAs = null) => new()
    {
        Kind = MediaKind.Photo,
        FileName = photo.FileName,
        Width = photo.Width,
        Height = photo.Height,
        TakenOn = photo.TakenOn,
        Color = photo.Color,
        OriginalFileName = photo.Original,
        OriginalName = UploadedName(uploadedAs),
        CreatedAt = addedAt,
    };

    /// <summary>At the end of the album (the cover, when it is the first).</summary>
    public static void Add(Memory memory, MemoryMedia medium)
    {
        medium.Position = memory.Media.Count == 0 ? 0 : memory.Media.Max(m => m.Position) + 1;
        memory.Media.Add(medium);
        Refresh(memory);
    }

    /// <summary>A new photo put first, as the cover; the old cover stays in the album, second.</summary>
    public static void AddAsCover(Memory memory, MemoryMedia photo)
    {
        photo.Position = -1;
        memory.Media.Add(photo);
        Refresh(memory);
    }

    /// <summary>The old API's way of giving a memory its photo (<c>PUT</c> with <c>photo</c>): the cover is replaced by it.</summary>
    /// <returns>The medium it replaced, whose files go once the change is saved.</returns>
    public static MemoryMedia? ReplaceCover(Memory memory, MemoryMedia photo)
    {
        var cover = Cover(memory);
        if (cover is not null)
        {
            memory.Media.Remove(cover);
        }

        photo.Position = -1;
        memory.Media.Add(photo);
        Refresh(memory);
        return cover;
    }

    /// <returns>The medium removed, or null when the album has none with that id.</returns>
    public static MemoryMedia? Remove(Memory memory, int mediaId)
    {
        if (memory.Media.FirstOrDefault(m => m.Id == mediaId) is not { } medium)
        {
            return null;
        }

        memory.Media.Remove(medium);
        Refresh(memory);
        return medium;
    }

    /// <summary>Puts the album in the order of <paramref name="ids"/>, which must name each of its media once.</summary>
    /// <returns>False, changing nothing, when an id is missing, repeated or foreign.</returns>
    public static bool Order(Memory memory, IReadOnlyList<int> ids)
    {
        var media = memory.Media.ToDictionary(m => m.Id);
        if (ids.Count != media.Count || ids.Distinct().Count() != ids.Count || !ids.All(media.ContainsKey))
        {
            return false;
        }

        for (var position = 0; position < ids.Count; position++)
        {
            media[ids[position]].Position = position;
        }

        Refresh(memory);
        return true;
    }

    /// <summary>The album's ids with one medium moved <paramref name="by"/> places (negative: towards the cover).</summary>
    public static IReadOnlyList<int> Moved(Memory memory, int mediaId, int by)
    {
        var ids = InOrder(memory).Select(m => m.Id).ToList();
        var from = ids.IndexOf(mediaId);
        if (from < 0)
        {
            return ids;
        }

        ids.RemoveAt(from);
        ids.Insert(Math.Clamp(from + by, 0, ids.Count), mediaId);
        return ids;
    }

    /// <summary>The album's ids with one medium first, as the cover.</summary>
    public static IReadOnlyList<int> WithCover(Memory memory, int mediaId) => Moved(memory, mediaId, -memory.Media.Count);

    /// <summary>Renumbers the order and copies the cover, the counts and, unless the couple chose it, the day.</summary>
    public static void Refresh(Memory memory)
    {
        var ordered = InOrder(memory);
        for (var position = 0; position < ordered.Count; position++)
        {
            ordered[position].Position = position;
        }

        var cover = ordered.FirstOrDefault();
        var picture = cover?.PictureFileName;
        memory.PhotoFileName = picture;
        memory.PhotoWidth = picture is null ? null : cover!.Width;
        memory.PhotoHeight = picture is null ? null : cover!.Height;
        memory.PhotoColor = picture is null ? null : cover!.Color;
        memory.PhotoCount = ordered.Count(m => m.Kind == MediaKind.Photo);
        // What can be watched: a video still prepared, or failed, is shown to no one but the partners' editor.
        memory.VideoCount = ordered.Count(m => m.Kind == MediaKind.Video && m.Status == MediaStatus.Ready);
        if (!memory.DateChosen && ordered.Where(m => m.TakenOn is not null).Min(m => m.TakenOn) is { } earliest)
        {
            memory.TakenOn = earliest;
        }
    }

    /// <summary>The name without any folder a browser or client put in front, cut to a length a column keeps.</summary>
    public static string? UploadedName(string? name)
    {
        var file = Path.GetFileName(name?.Replace('\\', '/'))?.Trim();
        return string.IsNullOrEmpty(file) ? null : file.Length > 200 ? file[^200..] : file;
    }
}
