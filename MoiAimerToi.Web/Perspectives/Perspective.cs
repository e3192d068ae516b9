using MoiAimerToi.Web.Hosting;
namespace MoiAimerToi.Web.Perspectives;

/// <summary>One partner's dreams and hopes; number 1 and number 2 sit side by side.</summary>
[ShownOnPages]
public sealed class Perspective
{
    public const int ContentMaxLength = 20_000;
    public static readonly IReadOnlyList<int> Numbers = [1, 2];

    public int Id { get; set; }

    public int Number { get; set; }

    public string Content { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    /// <summary>The partner this perspective belongs to, once each partner has an account.</summary>
    public string? OwnerId { get; set; }

    public string? UpdatedBy { get; set; }
}
