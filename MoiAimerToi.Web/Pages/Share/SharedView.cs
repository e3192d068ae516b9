using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Sharing;

namespace MoiAimerToi.Web.Pages.Share;

/// <summary>
/// The addresses a shared page uses: its photos under <c>/s/{token}/files/</c> (never <c>/uploads/</c>, so that the
/// link's end stops them too), the full size only when the link allows downloads.
/// </summary>
public sealed record SharedView(ShareLink Link, string Token)
{
    public string PagePath => SharedAccess.PathOf(Token);

    public string? Thumbnail(Memory memory) => File(MemoryPhotos.Of(memory)?.ThumbnailFileName);

    public string? Large(Memory memory) => File(MemoryPhotos.Of(memory)?.LargeFileName);

    public string? Download(Memory memory) => Link.AllowDownload && File(MemoryPhotos.Of(memory)?.FileName) is { } full ? full + "?download=true" : null;

    public string? Full(Memory memory) => Link.AllowDownload ? File(MemoryPhotos.Of(memory)?.FileName) : null;

    public string MemoryPath(Memory memory) => Link.MemoryId is null ? $"{PagePath}?memory={memory.Id}" : PagePath;

    private string? File(string? name) => name is null ? null : $"{PagePath}/files/{name}";
}
