namespace MoiAimerToi.Web.Site;

/// <summary>Who may look: anyone (Public), or only the couple's accounts and share links (Private).</summary>
public enum SiteVisibility
{
    Public = 1,
    Private = 2,
}
