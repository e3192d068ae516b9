namespace MoiAimerToi.Web.Photos;

public enum PhotoRejection
{
    /// <summary>More bytes than <see cref="PhotoOptions.MaxUploadBytes"/> (HTTP 413).</summary>
    TooLarge,

    /// <summary>Not a JPEG, PNG, WebP, GIF, HEIC/HEIF or AVIF by its content (HTTP 415).</summary>
    NotAnImage,

    /// <summary>Declares more pixels than <see cref="PhotoOptions.MaxPixels"/> (HTTP 400).</summary>
    TooManyPixels,

    /// <summary>Starts like a supported image but is truncated or damaged (HTTP 400).</summary>
    Corrupt,
}

/// <summary>An upload the pipeline refused; nothing was written for it.</summary>
public sealed class PhotoRejectedException(PhotoRejection reason, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public PhotoRejection Reason { get; } = reason;
}
