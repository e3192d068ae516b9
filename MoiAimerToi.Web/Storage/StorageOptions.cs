namespace MoiAimerToi.Web.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Relative paths are taken from the content root.</summary>
    public string DataDirectory { get; set; } = "data";
}
