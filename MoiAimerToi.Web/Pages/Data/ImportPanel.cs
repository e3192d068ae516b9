using MoiAimerToi.Web.Transfer;

namespace MoiAimerToi.Web.Pages.Data;

/// <summary>The import section: a button to start, or the form with its warning and what was sent last.</summary>
public sealed record ImportPanel(bool Open, SiteCounts Counts, ImportInput Input);
