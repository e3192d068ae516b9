using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Api;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Web.Photos;

/// <summary>How a file may be kept once sent.</summary>
public enum FileCaching
{
    /// <summary>By any cache, for a year (a Public site's photo).</summary>
    Public,

    /// <summary>By the browser of whoever asked, for a year (a Private site's photo, on an account's own device).</summary>
    Private,

    /// <summary>By that browser, but asked again at each use (a "just us" photo: once signed out, it answers 404 again).</summary>
    Revalidated,
}

/// <summary>
/// Who may read a stored file: the one place the visibility rules meet the files. A file is readable when a memory
/// this request may read shows it (so never a "just us" memory's for anyone but the partners), and, on a Private
/// site, only by an account (its sign-in cookie, a token or the key). Anyone else gets the same 404 as for a file
/// that does not exist. A letter's photo is read only as its letter is (<see cref="Letters.LetterService"/>).
/// </summary>
public sealed class MediaAccess(VisibilityService visibility, MemoryService memories, Letters.LetterService letters, Audience audience)
{
    /// <returns>Null when the file is not this request's to read.</returns>
    public async Task<FileCaching?> CheckAsync(HttpContext context, string memoryPhotoName, CancellationToken cancellationToken = default)
    {
        var principal = AppClaims.IsMember(context.User) ? context.User : await ApiAuthentication.PrincipalAsync(context);
        audience.Is(principal);
        var isPublic = visibility.IsPublic;
        if (!isPublic && !AppClaims.IsMember(principal))
        {
            return null;
        }

        if (await memories.FindByFileAsync(memoryPhotoName, cancellationToken) is not var (memory, _))
        {
            // A letter's photo: for whoever may read that letter now (its author; the one it is for, once open), whatever the site's visibility.
            return await letters.MayReadFileAsync(memoryPhotoName, ApiTokens.UserId(principal) ?? principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, cancellationToken)
                ? FileCaching.Revalidated
                : null;
        }

        // A year of "public" could not be recalled from a proxy once the site turns Private or the memory "just us".
        return memory.JustUs ? FileCaching.Revalidated : isPublic ? FileCaching.Public : FileCaching.Private;
    }
}
