using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Memories;

[ShownOnPages]
public sealed class Memory
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4_000;

    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The day the memory happened: as given, else its photo's, else the day it was written down (<see cref="DateChosen"/>).</summary>
    public DateOnly TakenOn { get; set; }

    /// <summary>
    /// The couple gave <see cref="TakenOn"/> themselves; when false it is the photo's EXIF day (or the day it was written
    /// down), and a new photo that says its day moves it. A chosen day is never overwritten by a photo.
    /// </summary>
    public bool DateChosen { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>For the partners only: guests, visitors and share links never see it, anywhere.</summary>
    public bool JustUs { get; set; }

    /// <summary>The album, in its order; the first is the cover.</summary>
    public List<MemoryMedia> Media { get; set; } = [];

    /// <summary>
    /// The cover's picture (a photo, or a video's poster): its full-size file in the uploads folder, whose variants
    /// derive from it. This and the fields below are copies <see cref="Album.Refresh"/> keeps, so that a gallery
    /// card reads one row.
    /// </summary>
    public string? PhotoFileName { get; set; }

    public int? PhotoWidth { get; set; }

    public int? PhotoHeight { get; set; }

    /// <summary>The cover's average colour, shown while its thumbnail loads.</summary>
    public string? PhotoColor { get; set; }

    public int PhotoCount { get; set; }

    public int VideoCount { get; set; }

    /// <summary>
    /// The title and description as SQLite's search reads them (<see cref="Memories.SearchText"/>), kept by the database,
    /// never set. PostgreSQL's search uses its <c>unaccent</c> instead; the column is kept there too, so that both
    /// databases have the same tables (<c>move-to-postgres</c>, the table export of backups).
    /// </summary>
    public string SearchText
    {
        get => Memories.SearchText.Of(Title, Description);
        private set { }
    }
}
