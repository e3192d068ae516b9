using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Memories;

/// <summary>
/// One partner's own account of a memory (« ma version »). It stays the author's alone until it is open: the other
/// partner has written theirs too, or the author revealed it (<see cref="SideService"/> holds the rule).
/// </summary>
[ShownOnPages]
public sealed class MemorySide
{
    public const int ContentMaxLength = 20_000;

    public int Id { get; set; }

    public int MemoryId { get; set; }

    public string AuthorId { get; set; } = "";

    public string Content { get; set; } = "";

    /// <summary>The author showed it before the other partner wrote theirs.</summary>
    public bool Revealed { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
