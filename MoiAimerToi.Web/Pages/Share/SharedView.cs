using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Sharing;

namespace MoiAimerToi.Web.Pages.Share;

/// <summary>
/// The addresses a shared page uses: its photos under <c>/s/{token}/files/</c> (never <c>/uploads/</c>, so that the
/// link's end stops them too), the full size and the originals only when the link allows downloads.
/// </summary>
public sealed record SharedView(ShareLink Link, string Token)
{
    public string PagePath => SharedAccess.PathOf(Token);

    public string? Thumbnail(Memory memory) => File(MemoryPhotos.Of(memory)?.ThumbnailFileName);

    public string? Large(Memory memory) => File(MemoryPhotos.Of(memory)?.LargeFileName);

    public string? Large(MemoryMedia medium) => File(MemoryPhotos.Of(medium)?.LargeFileName);

    /// <summary>A photo's full size, only when the link allows downloads.</summary>
    public string? Full(MemoryMedia medium) => Link.AllowDownload ? File(MemoryPhotos.Of(medium)?.FileName) : null;

    /// <summary>A video's prepared MP4: what the link shows of it.</summary>
    public string? Video(MemoryMedia medium) => File(medium.Kind == MediaKind.Video ? medium.FileName : null);

    /// <summary>The original as uploaded, only when the link allows downloads and it was kept.</summary>
    public string? Original(MemoryMedia medium) => Link.AllowDownload && medium.OriginalFileName is not null ? $"{PagePath}/originals/{medium.Id}" : null;

    public string MemoryPath(Memory memory) => Link.MemoryId is null ? $"{PagePath}?memory={memory.Id}" : PagePath;

    private string? File(string? name) => name is null ? null : $"{PagePath}/files/{name}";
}
