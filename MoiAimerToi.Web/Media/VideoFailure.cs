namespace MoiAimerToi.Web.Media;

/// <summary>Why a video could not be prepared, kept on its row and shown to the couple in their language.</summary>
public static class VideoFailure
{
    public const string TimedOut = "timed-out";
    public const string Unreadable = "unreadable";
    public const string DiskFull = "disk-full";
    public const string OriginalMissing = "original-missing";
    public const string NoFfmpeg = "no-ffmpeg";

    /// <summary>The resource key of the message for a failure.</summary>
    public static string MessageKey(string? failure) => failure switch
    {
        TimedOut => "Media_FailedTimedOut",
        DiskFull => "Media_FailedDiskFull",
        OriginalMissing => "Media_FailedOriginalMissing",
        NoFfmpeg => "Media_NeedsFfmpeg",
        _ => "Media_FailedUnreadable",
    };
}
