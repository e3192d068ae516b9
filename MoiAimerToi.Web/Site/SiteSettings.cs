using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Site;

/// <summary>The site's one row of settings.</summary>
[ShownOnPages]
public sealed class SiteSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public SiteVisibility Visibility { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
