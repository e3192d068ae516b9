namespace MoiAimerToi.Web.Memories;

public sealed class Memory
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4_000;

    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The day the memory happened, when known; <see cref="CreatedAt"/> is when it was written down.</summary>
    public DateOnly? TakenOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>The date to show and sort by.</summary>
    public DateOnly Date => TakenOn ?? DateOnly.FromDateTime(CreatedAt);
}
