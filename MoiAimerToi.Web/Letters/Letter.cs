namespace MoiAimerToi.Web.Letters;

/// <summary>
/// A letter from one partner to the other (or to both), sealed until <see cref="OpensOn"/>: until that day only its
/// author reads it (<see cref="LetterService"/> holds the rule). Not marked as shown on pages: no visitor's page shows
/// a letter, so none needs evicting.
/// </summary>
public sealed class Letter
{
    public const int ContentMaxLength = 20_000;
    public const int MaxPhotos = 10;

    public int Id { get; set; }

    public string AuthorId { get; set; } = "";

    /// <summary>To both partners (its author too); otherwise to <see cref="RecipientId"/>.</summary>
    public bool ToBoth { get; set; }

    /// <summary>
    /// The partner it is for, named when it was written (not "whoever is the other partner now": a partner who joins
    /// later never reads letters meant for one who left). Null for a letter to both.
    /// </summary>
    public string? RecipientId { get; set; }

    public string Content { get; set; } = "";

    /// <summary>The couple's day it opens on; it is sealed before.</summary>
    public DateOnly OpensOn { get; set; }

    public List<LetterPhoto> Photos { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A photo in a letter: its full-size file in the uploads folder, whose variants derive from it.</summary>
public sealed class LetterPhoto
{
    public int Id { get; set; }

    public int LetterId { get; set; }

    public string FileName { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    public int Position { get; set; }
}
