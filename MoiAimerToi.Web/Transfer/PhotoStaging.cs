using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Transfer;

/// <summary>
/// The photos of one import, stored through the pipeline before anything else changes. Unless the
/// import is kept, disposing removes every one of them, so a refused import leaves no file behind.
/// </summary>
public sealed class PhotoStaging(MemoryPhotos photos) : IDisposable
{
    private readonly List<string> _stored = [];
    private bool _kept;

    /// <returns>The stored photo, or the pipeline's reason (in the request's language) for refusing it.</returns>
    public async Task<(StoredPhoto? Photo, FieldError? Error)> StoreAsync(Stream source, CancellationToken cancellationToken)
    {
        var (photo, error) = await photos.StoreAsync(source, cancellationToken);
        if (photo is not null)
        {
            _stored.Add(photo.FileName);
        }

        return (photo, error);
    }

    /// <summary>The content that refers to these photos is saved: they stay.</summary>
    public void Keep() => _kept = true;

    public void Dispose()
    {
        if (_kept)
        {
            return;
        }

        foreach (var fileName in _stored)
        {
            photos.Remove(fileName);
        }

        _stored.Clear();
    }
}
