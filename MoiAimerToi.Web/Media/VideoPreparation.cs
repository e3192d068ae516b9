using System.Globalization;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Photos;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Media;

/// <summary>A prepared video: its MP4 in the store's uploads and its poster frame stored as a photo.</summary>
public sealed record PreparedVideo(string FileName, StoredPhoto Poster, double DurationSeconds);

/// <summary>
/// Turns a video's original into what every browser plays: an H.264/AAC MP4 with its index first (<c>+faststart</c>),
/// at most 1080p, upright (ffmpeg applies the rotation as it decodes), with every metadata tag removed (GPS first);
/// an MP4 that already plays everywhere is only remuxed. Then a poster frame, through the photo pipeline. Files are
/// made in the scratch and put in the store once whole; on any failure nothing it wrote is left.
/// </summary>
public sealed class VideoPreparation(Ffmpeg ffmpeg, PhotoPipeline photos, DataPaths paths, IFileStore store, IOptions<MediaOptions> options, ILogger<VideoPreparation> logger)
{
    /// <summary>How its poster frames begin in the scratch, for the sweep at the next start.</summary>
    public const string ScratchPrefix = "poster-";

    /// <param name="originalPath">The original on the disk (<see cref="IFileStore.GetLocalAsync"/>).</param>
    /// <returns>The prepared video, or the failure (<see cref="VideoFailure"/>) to keep on its row.</returns>
    public async Task<(PreparedVideo? Video, string? Failure)> PrepareAsync(string originalPath, CancellationToken cancellationToken)
    {
        if (!ffmpeg.IsAvailable)
        {
            return (null, VideoFailure.NoFfmpeg);
        }

        if (await ffmpeg.ProbeAsync(originalPath, cancellationToken) is not { } probe)
        {
            return (null, VideoFailure.Unreadable);
        }

        var limits = options.Value;
        var name = PhotoNames.NewVideoName();
        var temporary = StoredFiles.NewScratchFile(paths, ".mp4");
        var poster = Path.Combine(paths.Scratch, $"{ScratchPrefix}{Guid.NewGuid():N}.jpg");
        try
        {
            var remux = probe.PlaysEverywhere(Path.GetExtension(originalPath), limits.MaxVideoHeight);
            var run = await ffmpeg.RunAsync(
                TranscodeArguments(originalPath, temporary, remux, limits.MaxVideoHeight, limits.MaxVideoSeconds), TimeSpan.FromSeconds(limits.TranscodeTimeoutSeconds), cancellationToken);
            if (!run.Succeeded)
            {
                logger.LogWarning("ffmpeg could not prepare a video (exit {Code}, timed out: {TimedOut}): {Error}", run.ExitCode, run.TimedOut, run.ErrorTail);
                return (null, run.TimedOut ? VideoFailure.TimedOut : run.DiskFull ? VideoFailure.DiskFull : VideoFailure.Unreadable);
            }

            await FlushAsync(temporary);
            // Measured on what was made: the original may not say its length.
            var duration = (await ffmpeg.ProbeAsync(temporary, cancellationToken))?.DurationSeconds is > 0 and var made ? made : probe.DurationSeconds;
            var frameAt = Math.Min(1.0, duration / 2);
            var frame = await ffmpeg.RunAsync(
                ["-y", "-ss", frameAt.ToString("0.###", CultureInfo.InvariantCulture), "-i", temporary, "-frames:v", "1", "-q:v", "2", poster],
                TimeSpan.FromMinutes(2), cancellationToken);
            if (!frame.Succeeded || !File.Exists(poster))
            {
                logger.LogWarning("ffmpeg could not take a video's poster frame: {Error}", frame.ErrorTail);
                return (null, frame.TimedOut ? VideoFailure.TimedOut : frame.DiskFull ? VideoFailure.DiskFull : VideoFailure.Unreadable);
            }

            StoredPhoto stored;
            await using (var frameFile = File.OpenRead(poster))
            {
                stored = await photos.StoreAsync(frameFile, keepOriginal: false, cancellationToken);
            }

            try
            {
                await store.PutAsync(FileArea.Uploads, name, temporary, cancellationToken);
            }
            catch
            {
                await photos.DeleteAsync(stored);
                throw;
            }

            return (new PreparedVideo(name, stored, duration), null);
        }
        catch (PhotoRejectedException rejected)
        {
            logger.LogWarning(rejected, "A video's poster frame could not be stored");
            return (null, VideoFailure.Unreadable);
        }
        catch (IOException exception) when (MediaUpload.IsDiskFull(exception))
        {
            logger.LogWarning(exception, "The disk filled while a video was prepared");
            return (null, VideoFailure.DiskFull);
        }
        finally
        {
            TryDelete(temporary);
            TryDelete(poster);
        }
    }

    /// <summary>The ffmpeg arguments of the one transcode (or remux); the benchmark runs the same ones from the command line.</summary>
    /// <param name="maxSeconds">Cut there: a video whose length its file did not say is never longer than the limit.</param>
    public static IReadOnlyList<string> TranscodeArguments(string input, string output, bool remux, int maxHeight, int maxSeconds)
    {
        List<string> arguments = [
            "-y", "-i", input, "-t", maxSeconds.ToString(CultureInfo.InvariantCulture),
            "-map", "0:v:0", "-map", "0:a:0?", "-map_metadata", "-1", "-map_chapters", "-1", "-sn", "-dn",
        ];
        if (remux)
        {
            arguments.AddRange(["-c", "copy"]);
        }
        else
        {
            // The shorter side at most maxHeight and the longer at most 16/9 of it, never enlarged, even sizes for 4:2:0.
            var longSide = maxHeight * 16 / 9;
            var scale = string.Create(CultureInfo.InvariantCulture,
                $"scale=w='if(gt(iw,ih),min({longSide},iw),min({maxHeight},iw))':h='if(gt(iw,ih),min({maxHeight},ih),min({longSide},ih))':force_original_aspect_ratio=decrease:force_divisible_by=2");
            arguments.AddRange([
                "-vf", scale, "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-profile:v", "high",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2",
            ]);
        }

        // No creation time nor encoder name either: nothing but the film and its sound.
        arguments.AddRange(["-fflags", "+bitexact", "-movflags", "+faststart", "-f", "mp4", output]);
        return arguments;
    }

    private static async Task FlushAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        file.Flush(flushToDisk: true);
    }

    private void TryDelete(string path) => StoredFiles.TryDelete(path, logger);
}
