namespace MoiAimerToi.Web.Pages.Data;

public sealed class ImportInput
{
    public IFormFile? File { get; set; }

    /// <summary>The box saying the person understands that everything on the site is replaced.</summary>
    public bool Confirm { get; set; }
}
