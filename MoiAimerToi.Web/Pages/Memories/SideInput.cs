using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Memories;

/// <summary>A partner's own side of a memory, as the form sends it.</summary>
public sealed class SideInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Content { get; set; }

    /// <summary>Shown to everyone who sees the memory without waiting for the other side.</summary>
    public bool Reveal { get; set; }
}
