using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Dreams;

/// <summary>One thing the couple wants to do together, on their shared list in « Notre avenir ».</summary>
[ShownOnPages]
public sealed class Dream
{
    public const int TitleMaxLength = 200;

    public int Id { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Its place in the list, smallest first; gaps are allowed.</summary>
    public int Position { get; set; }

    /// <summary>The day it came true, or null while it is still a dream.</summary>
    public DateOnly? DoneOn { get; set; }

    /// <summary>The memory made of it once it came true; deleting the memory unlinks it.</summary>
    public int? MemoryId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}
