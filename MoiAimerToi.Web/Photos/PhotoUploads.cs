namespace MoiAimerToi.Web.Photos;

public static class PhotoUploads
{
    /// <summary>
    /// The file a person or client actually sent. A browser form with no file chosen still sends an
    /// empty part without a name: that is no photo. An empty file with a name is a file, and is refused.
    /// </summary>
    public static IFormFile? Chosen(IFormFile? file) =>
        file is not null && (file.Length > 0 || !string.IsNullOrEmpty(file.FileName)) ? file : null;
}
