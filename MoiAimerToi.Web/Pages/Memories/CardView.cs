using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Web.Pages.Memories;

/// <summary>One memory's card; the first card of the gallery loads its photo at once, the others lazily.</summary>
public sealed record CardView(Memory Memory, bool Eager);
