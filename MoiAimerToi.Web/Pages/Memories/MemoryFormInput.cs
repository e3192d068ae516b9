using System.ComponentModel.DataAnnotations;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Web.Pages.Memories;

/// <summary>What the add and edit forms post, bound as <c>Input.*</c>; empty fields stay empty strings.</summary>
public sealed class MemoryFormInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Title { get; set; } = "";

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Description { get; set; } = "";

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string TakenOn { get; set; } = "";

    public MemoryInput ToMemoryInput() => new(Title, Description, TakenOn);

    public static MemoryFormInput From(Memory memory) => new()
    {
        Title = memory.Title,
        Description = memory.Description,
        TakenOn = memory.TakenOn?.ToString(Common.FieldRules.DateFormat) ?? "",
    };
}

/// <summary>The edit form of one memory.</summary>
public sealed record MemoryEditor(int Id, MemoryFormInput Input);

/// <summary>The gallery as the page shows it: the add form, then the memories grouped by year.</summary>
/// <remarks>Without JavaScript, one card may be open as its edit form or its delete confirmation.</remarks>
public sealed record GalleryView(
    IReadOnlyList<Memory> Memories,
    MemoryFormInput NewMemory,
    bool AddFormOpen,
    MemoryEditor? Editing = null,
    int? ConfirmingDeleteId = null)
{
    public IEnumerable<IGrouping<int, Memory>> ByYear => Memories.GroupBy(m => m.Date.Year);

    public (int First, int Last)? YearSpan =>
        Memories.Count == 0 ? null : (Memories.Min(m => m.Date.Year), Memories.Max(m => m.Date.Year));
}

/// <summary>The shared fields of the add and edit forms; <see cref="Prefix"/> keeps their ids apart.</summary>
public sealed record MemoryFields(string Prefix, MemoryFormInput Input);
