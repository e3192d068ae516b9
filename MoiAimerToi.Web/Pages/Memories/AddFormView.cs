
namespace MoiAimerToi.Web.Pages.Memories;

/// <summary>The add form, open when it comes back with errors.</summary>
public sealed record AddFormView(MemoryFormInput Input, bool Open);
