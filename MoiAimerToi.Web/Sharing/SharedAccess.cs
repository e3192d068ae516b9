using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Sharing;

/// <summary>Where a share link stands for the request holding it.</summary>
public enum ShareState
{
    /// <summary>No link has this token (or it went with its memory): 404.</summary>
    Unknown,

    /// <summary>Expired or revoked: 410.</summary>
    Gone,

    /// <summary>Asks for its password first.</summary>
    Locked,

    Open,
}

/// <summary>What came of a password typed on a link's form.</summary>
public enum UnlockResult
{
    Unlocked,
    Wrong,

    /// <summary>Too many wrong ones: refused, even the right one, until the lockout ends.</summary>
    LockedOut,
}

/// <summary>
/// The viewer's side of share links: whether the token in the address opens a link, its password (locked out after
/// as many wrong ones as sign-in allows, for as long), and the view count. A link whose password was given is
/// remembered by a cookie that only its own address receives, holding the token sealed by Data Protection.
/// </summary>
public sealed class SharedAccess(
    AppDbContext db,
    Audience audience,
    TimeProvider time,
    IPasswordHasher<ShareLink> hasher,
    IOptions<IdentityOptions> identity,
    IDataProtectionProvider protection)
{
    public const string CookieName = "moi-share";
    private static readonly TimeSpan UnlockLifetime = TimeSpan.FromDays(1);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("MoiAimerToi.ShareLinkUnlock").ToTimeLimitedDataProtector();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public static string PathOf(string token) => "/s/" + token;

    public static string UrlOf(HttpRequest request, string token) => UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, PathOf(token));

    /// <summary>
    /// The link the token opens, and whether this request may see it. From here on the request reads what a visitor
    /// reads, a signed-in partner included: the page shows what the link shares, nothing more.
    /// </summary>
    public async Task<(ShareState State, ShareLink? Link)> OpenAsync(HttpContext context, string? token, CancellationToken cancellationToken = default)
    {
        audience.IsAShareLink();
        var digest = SecretTokens.LooksValid(token) ? SecretTokens.Digest(token!) : null;
        var link = digest is null ? null : await db.ShareLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == digest, cancellationToken);
        if (link is null)
        {
            return (ShareState.Unknown, null);
        }

        if (!link.IsOpen(Now))
        {
            return (ShareState.Gone, link);
        }

        return (link.PasswordHash is null || IsUnlocked(context, token!) ? ShareState.Open : ShareState.Locked, link);
    }

    /// <summary>
    /// Each try is counted before the password is checked, so that tries sent at once each get their own number: past
    /// the limit they are refused unchecked, and the try that reaches it locks the link.
    /// </summary>
    public async Task<UnlockResult> UnlockAsync(HttpContext context, ShareLink link, string token, string? password, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var lockout = identity.Value.Lockout;
        if (await CountTryAsync(link, now, cancellationToken) is not { } tries || tries > lockout.MaxFailedAccessAttempts)
        {
            return UnlockResult.LockedOut;
        }

        var right = !string.IsNullOrEmpty(password) && link.PasswordHash is not null
            && hasher.VerifyHashedPassword(link, link.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (right)
        {
            await db.ShareLinks.Where(l => l.Id == link.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.FailedPasswords, 0).SetProperty(l => l.LockedUntil, (DateTime?)null), cancellationToken);
            context.Response.Cookies.Append(CookieName, _protector.Protect(token, UnlockLifetime), new CookieOptions
            {
                Path = PathOf(token),
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = UnlockLifetime,
                IsEssential = true,
            });
            return UnlockResult.Unlocked;
        }

        if (tries < lockout.MaxFailedAccessAttempts)
        {
            return UnlockResult.Wrong;
        }

        await db.ShareLinks.Where(l => l.Id == link.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.FailedPasswords, 0).SetProperty(l => l.LockedUntil, now + lockout.DefaultLockoutTimeSpan), cancellationToken);
        return UnlockResult.LockedOut;
    }

    /// <summary>
    /// This try's number, or null while the link is locked. The count moves from the number read to the next only if
    /// no other try moved it meanwhile (else it is read again), so two tries never get the same number, whatever the
    /// database's isolation (PostgreSQL reads committed rows, not one at a time as SQLite).
    /// </summary>
    private async Task<int?> CountTryAsync(ShareLink link, DateTime now, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await db.ShareLinks.AsNoTracking().Where(l => l.Id == link.Id)
                .Select(l => new { l.FailedPasswords, l.LockedUntil }).SingleAsync(cancellationToken);
            if (current.LockedUntil > now)
            {
                return null;
            }

            var moved = await db.ShareLinks
                .Where(l => l.Id == link.Id && l.FailedPasswords == current.FailedPasswords && (l.LockedUntil == null || l.LockedUntil <= now))
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.FailedPasswords, current.FailedPasswords + 1), cancellationToken);
            if (moved == 1)
            {
                return current.FailedPasswords + 1;
            }
        }
    }

    /// <summary>One more view of the link's page (its files are not counted: a page shows many).</summary>
    public Task RecordViewAsync(ShareLink link, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return db.ShareLinks.Where(l => l.Id == link.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Views, l => l.Views + 1).SetProperty(l => l.LastViewedAt, now), cancellationToken);
    }

    private bool IsUnlocked(HttpContext context, string token)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } sealedToken)
        {
            return false;
        }

        try
        {
            return _protector.Unprotect(sealedToken) == token;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
