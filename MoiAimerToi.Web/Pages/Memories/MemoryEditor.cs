
namespace MoiAimerToi.Web.Pages.Memories;

/// <summary>The edit form of one memory.</summary>
public sealed record MemoryEditor(int Id, MemoryFormInput Input);
