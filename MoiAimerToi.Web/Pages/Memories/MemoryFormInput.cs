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

    /// <summary>For the two of you only (an unticked box posts nothing: false).</summary>
    public bool JustUs { get; set; }

    /// <summary>The <see cref="Version"/> of the memory the edit form opened with.</summary>
    public string? Seen { get; set; }

    /// <summary>A digest of everything the edit form shows of a memory: another one means someone saved meanwhile.</summary>
    public static string Version(Memory memory) => Shared.TextInput.Digest(
        string.Join('\n', memory.Title, memory.Description, memory.TakenOn.ToString(Common.FieldRules.DateFormat), memory.JustUs, memory.PhotoFileName));

    public MemoryInput ToMemoryInput() => new(Title, Description, TakenOn, JustUs);

    public Stream? OpenPhoto() => PhotoUploads.Chosen(Photo)?.OpenReadStream();

    public static MemoryFormInput From(Memory memory) => new()
    {
        Title = memory.Title,
        Description = memory.Description,
        TakenOn = memory.TakenOn.ToString(Common.FieldRules.DateFormat),
        JustUs = memory.JustUs,
        Seen = Version(memory),
    };
}
