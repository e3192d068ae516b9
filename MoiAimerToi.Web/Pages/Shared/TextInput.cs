using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Shared;

/// <summary>What a text form posts, bound as <c>Text.Value</c>.</summary>
public sealed class TextInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Value { get; set; }
}
