using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Media;

/// <summary>
/// A video coming in (an upload, or an import's entry): probed now, so that what cannot play is refused now, then kept
/// as its original and given a row that waits for <see cref="VideoJobs"/>. The row is not saved here.
/// </summary>
public sealed class VideoIntake(Ffmpeg ffmpeg, OriginalFiles originals, CoupleClock clock, IOptions<MediaOptions> options, IStringLocalizer<SharedResource> text)
{
    public bool IsAvailable => ffmpeg.IsAvailable;

    /// <param name="path">A finished file in the data folder's scratch; it becomes the original (moved, not copied).</param>
    /// <param name="extension">Its kind (<see cref="MediaSniffer"/>): <c>.mp4</c>, <c>.mov</c> or <c>.webm</c>.</param>
    public async Task<(MemoryMedia? Medium, FieldError? Error)> AcceptAsync(string path, string extension, string? uploadedAs, CancellationToken cancellationToken)
    {
        if (!ffmpeg.IsAvailable)
        {
            return (null, new FieldError("file", text["Media_NeedsFfmpeg"], ErrorKind.Unavailable));
        }

        if (await ffmpeg.ProbeAsync(path, cancellationToken) is not { } probe)
        {
            return (null, new FieldError("file", text["Media_Unsupported"], ErrorKind.UnsupportedMedia));
        }

        // A length ffprobe cannot tell (a browser's WebM says none) is measured on the prepared video, which is cut at the limit.
        var limit = options.Value.MaxVideoSeconds;
        if (probe.DurationSeconds > limit)
        {
            return (null, new FieldError("file", text["Media_VideoTooLong", limit / 60], ErrorKind.TooLong));
        }

        string original;
        try
        {
            original = await originals.AdoptAsync(path, extension, cancellationToken);
        }
        catch (FileStoreUnavailableException)
        {
            return (null, new FieldError("file", text["Error_StoreUnavailable"], ErrorKind.Unavailable));
        }

        return (new MemoryMedia
        {
            Kind = MediaKind.Video,
            Status = MediaStatus.Processing,
            Width = probe.ShownWidth,
            Height = probe.ShownHeight,
            DurationSeconds = probe.DurationSeconds > 0 ? probe.DurationSeconds : null,
            OriginalFileName = original,
            OriginalName = Album.UploadedName(uploadedAs),
            CreatedAt = clock.UtcNow,
        }, null);
    }
}
