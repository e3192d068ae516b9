
namespace MoiAimerToi.Web.Pages.Memories;

/// <summary>The shared fields of the add and edit forms; <see cref="Prefix"/> keeps their ids apart.</summary>
public sealed record MemoryFields(string Prefix, MemoryFormInput Input);
