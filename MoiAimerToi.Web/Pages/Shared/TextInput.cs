using System.ComponentModel.DataAnnotations;

namespace MoiAimerToi.Web.Pages.Shared;

/// <summary>What a text form posts, bound as <c>Text.Value</c>, with <c>Text.Seen</c>: the digest of the text the writer started from.</summary>
public sealed class TextInput
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Value { get; set; }

    public string? Seen { get; set; }

    /// <summary>What a form carries of the text it opened with, so that a save can tell whether someone saved meanwhile.</summary>
    public static string Digest(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
}
