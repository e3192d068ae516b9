using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Letters;

/// <summary>The letter form: to whom, the text, the day it opens, and (a new letter's) photos.</summary>
public sealed class LetterFormInput
{
    public string To { get; set; } = "partner";

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Content { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? OpensOn { get; set; }

    public List<IFormFile> Photos { get; set; } = [];
}
