using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Memories;

public enum MediaKind
{
    Photo,
    Video,
}

public enum MediaStatus
{
    Ready,

    /// <summary>A video waiting for, or in, its transcode (<see cref="Media.VideoJobs"/>): the row is its job.</summary>
    Processing,

    /// <summary>A video that could not be prepared; <see cref="MemoryMedia.Failure"/> says why.</summary>
    Failed,
}

/// <summary>
/// One photo or video of a memory's album, in the album's order (<see cref="Position"/>); the first is the cover
/// (<see cref="Album"/>). A row exists only once its files do: a photo's variants, or a video's original waiting for
/// its transcode.
/// </summary>
[ShownOnPages]
public sealed class MemoryMedia
{
    public int Id { get; set; }

    public int MemoryId { get; set; }

    public int Position { get; set; }

    public MediaKind Kind { get; set; }

    public MediaStatus Status { get; set; } = MediaStatus.Ready;

    /// <summary>A photo's full-size JPEG (its variants derive from it); a video's MP4 once prepared.</summary>
    public string? FileName { get; set; }

    /// <summary>A video's poster frame, stored as a photo (with a photo's variants).</summary>
    public string? PosterFileName { get; set; }

    /// <summary>As shown: upright, after any rotation.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>The day a photo's EXIF says it was taken.</summary>
    public DateOnly? TakenOn { get; set; }

    public double? DurationSeconds { get; set; }

    /// <summary>Why a video failed (<see cref="Media.VideoFailure"/>), for a message the couple can read.</summary>
    public string? Failure { get; set; }

    /// <summary>The file exactly as uploaded, in the originals folder (<see cref="Media.OriginalFiles"/>), when kept.</summary>
    public string? OriginalFileName { get; set; }

    /// <summary>The uploaded file's own name, for the download of the original.</summary>
    public string? OriginalName { get; set; }

    /// <summary>The picture's average colour (<c>#rrggbb</c>), shown while its thumbnail loads.</summary>
    public string? Color { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The photo shown for it: a photo itself, a video's poster (none while it is prepared).</summary>
    public string? PictureFileName => Kind == MediaKind.Photo ? FileName : PosterFileName;
}
