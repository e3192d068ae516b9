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

    /// <summary>The stored full-size photo's file name in the uploads folder; its variants derive from it.</summary>
    public string? PhotoFileName { get; set; }

    public int? PhotoWidth { get; set; }

    public int? PhotoHeight { get; set; }

    /// <summary>The title and description as the search reads them (<see cref="Memories.SearchText"/>), kept by the database, never set.</summary>
    public string SearchText
    {
        get => Memories.SearchText.Of(Title, Description);
        private set { }
    }
}
