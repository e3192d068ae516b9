using System.ComponentModel.DataAnnotations;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Photos;

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

    public IFormFile? Photo { get; set; }

    public MemoryInput ToMemoryInput() => new(Title, Description, TakenOn);

    public Stream? OpenPhoto() => PhotoUploads.Chosen(Photo)?.OpenReadStream();

    public static MemoryFormInput From(Memory memory) => new()
    {
        Title = memory.Title,
        Description = memory.Description,
        TakenOn = memory.TakenOn.ToString(Common.FieldRules.DateFormat),
    };
}

/// <summary>The edit form of one memory.</summary>
public sealed record MemoryEditor(int Id, MemoryFormInput Input);

/// <summary>The gallery as the page shows it: the search, the add form, then one page of memories.</summary>
/// <remarks>Without JavaScript, one card may be open as its edit form or its delete confirmation.</remarks>
public sealed record GalleryView(
    MemoryPage Page,
    string? Search,
    MemoryFormInput NewMemory,
    bool AddFormOpen,
    MemoryEditor? Editing = null,
    int? ConfirmingDeleteId = null)
{
    public ItemsView Items => new(Page, Search, PreviousYear: null, Editing, ConfirmingDeleteId);
}

/// <summary>
/// Cards with a year heading wherever the year changes, then what loads the next page.
/// <see cref="PreviousYear"/> is the year the page before ended on, so a year is never announced twice.
/// </summary>
public sealed record ItemsView(MemoryPage Page, string? Search, int? PreviousYear, MemoryEditor? Editing = null, int? ConfirmingDeleteId = null);

/// <summary>The shared fields of the add and edit forms; <see cref="Prefix"/> keeps their ids apart.</summary>
public sealed record MemoryFields(string Prefix, MemoryFormInput Input);

/// <summary>The add form, open when it comes back with errors.</summary>
public sealed record AddFormView(MemoryFormInput Input, bool Open);

/// <summary>One memory's card; the first card of the gallery loads its photo at once, the others lazily.</summary>
public sealed record CardView(Memory Memory, bool Eager);
