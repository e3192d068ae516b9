using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Transfer;

/// <summary>
/// The photos and videos of one import, stored before anything else changes. Unless the import is kept, disposing
/// removes every one of them (variants and originals), so a refused import leaves no file behind.
/// </summary>
public sealed class PhotoStaging(MemoryPhotos photos) : IAsyncDisposable
{
    private readonly List<StoredPhoto> _stored = [];
    private readonly List<MemoryMedia> _videos = [];
    private bool _kept;

    /// <returns>The stored photo, or the pipeline's reason (in the request's language) for refusing it.</returns>
    public async Task<(StoredPhoto? Photo, FieldError? Error)> StoreAsync(Stream source, CancellationToken cancellationToken)
    {
        var (photo, error) = await photos.StoreAsync(source, cancellationToken);
        if (photo is not null)
        {
            _stored.Add(photo);
        }

        return (photo, error);
    }

    /// <summary>A video whose original was kept for this import: it goes too if the import does not happen.</summary>
    public void Track(MemoryMedia video) => _videos.Add(video);

    /// <summary>The content that refers to these photos and videos is saved: they stay.</summary>
    public void Keep() => _kept = true;

    public async ValueTask DisposeAsync()
    {
        if (_kept)
        {
            return;
        }

        foreach (var photo in _stored)
        {
            await photos.RemoveAsync(photo);
        }

        await photos.RemoveAsync(_videos);
        _stored.Clear();
        _videos.Clear();
    }
}
