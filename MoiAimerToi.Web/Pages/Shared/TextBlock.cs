
namespace MoiAimerToi.Web.Pages.Shared;

/// <summary>
/// A long text edited in place (home message, story, a perspective): where it lives on the page,
/// which handlers show, edit and save it, and what it says now (bound as <c>Text.Value</c> by its form);
/// whether this viewer may edit it (beyond being a partner: a perspective is its owner's), and who wrote it.
/// </summary>
public sealed record TextBlock(
    string ElementId,
    string Page,
    string Label,
    string Value,
    int MaxLength,
    string EditHandler,
    string SaveHandler,
    string ShowHandler,
    IDictionary<string, string>? Route = null,
    bool Editable = true,
    string? Byline = null)
{
    public IDictionary<string, string> RouteValues => Route ?? new Dictionary<string, string>();

    /// <summary>The form's <c>Text.Seen</c> when it opens: the text as saved now (a refused save keeps the one it posted).</summary>
    public string Seen => TextInput.Digest(Value);
}
