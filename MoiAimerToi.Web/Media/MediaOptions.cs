namespace MoiAimerToi.Web.Media;

public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>A video larger than this is refused while it streams in (413), before anything is stored.</summary>
    public long MaxVideoBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>The body an upload route accepts: the largest video, and the multipart framing around it.</summary>
    public long MaxRequestBytes => MaxVideoBytes + 64 * 1024;

    /// <summary>A longer video is refused once probed (422).</summary>
    public int MaxVideoSeconds { get; set; } = 600;

    /// <summary>Keep each photo and video exactly as uploaded, for « Télécharger l'original » and the export.</summary>
    public bool KeepOriginals { get; set; } = true;

    /// <summary>The folder holding <c>ffmpeg</c> and <c>ffprobe</c>; unset, they are looked for on <c>PATH</c>.</summary>
    public string? FfmpegFolder { get; set; }

    /// <summary>A transcode still running after this long is stopped and the video marked failed.</summary>
    public int TranscodeTimeoutSeconds { get; set; } = 1800;

    /// <summary>The shorter side of a prepared video, at most (1080p).</summary>
    public int MaxVideoHeight { get; set; } = 1080;
}
