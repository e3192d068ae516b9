using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Api;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Photos;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Media;

/// <summary>
/// One file from a request into a memory's album, for the page's uploader and the API alike: refused before its body
/// is read when there is no such memory, while it streams in when it is too large, then by the album's rules.
/// </summary>
public sealed class AlbumUploads(
    MemoryService memories,
    AlbumService album,
    DataPaths paths,
    IOptions<PhotoOptions> photos,
    IOptions<MediaOptions> videos,
    IStringLocalizer<SharedResource> text)
{
    /// <param name="notFound">The caller's answer for a memory that is not there (or went meanwhile).</param>
    /// <returns>The memory and its new medium; or the answer refusing the file, each with <c>{error}</c> in the request's
    /// language: 400 no file, 413 over the photo's or the video's limit, 415, 422, 503 (<see cref="MemoriesApi.Refused"/>),
    /// 507 a full disk.</returns>
    public async Task<((Memory Memory, MemoryMedia Medium)? Added, IResult? Refusal)> AddAsync(
        int memoryId, HttpRequest request, string? userId, IResult notFound, CancellationToken cancellationToken)
    {
        // A file for a memory that is not there is not worth receiving.
        if (!await memories.ExistsAsync(memoryId, cancellationToken))
        {
            return (null, notFound);
        }

        var (photo, video) = (photos.Value.MaxUploadBytes, videos.Value.MaxVideoBytes);
        var (upload, problem, limit) = await MediaUpload.ReadAsync(request, (photo, video), paths, cancellationToken);
        if (upload is null)
        {
            var megabytes = limit / (1024 * 1024);
            return (null, problem switch
            {
                MediaUpload.Problem.TooLarge => Results.Json(
                    new ApiError(limit == photo ? text["Error_PhotoTooLarge", megabytes] : text["Media_VideoTooLarge", megabytes]),
                    statusCode: StatusCodes.Status413PayloadTooLarge),
                MediaUpload.Problem.DiskFull => Results.Json(new ApiError(text["Media_DiskFull"]), statusCode: StatusCodes.Status507InsufficientStorage),
                _ => Results.BadRequest(new ApiError(text["Media_NoFile"])),
            });
        }

        await using (upload)
        {
            var outcome = await album.AddAsync(memoryId, upload, userId, cancellationToken);
            return outcome switch
            {
                null => (null, notFound),
                { Succeeded: true } => (outcome.Value, null),
                _ => (null, MemoriesApi.Refused(outcome.Errors)),
            };
        }
    }
}
