namespace MoiAimerToi.Web.Accounts;

/// <summary>
/// Marks a page handler that changes content. Razor Pages authorize whole pages, not handlers,
/// so <see cref="ViewerPageFilter"/> checks these handlers while the page stays public.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EditorOnlyAttribute : Attribute;
