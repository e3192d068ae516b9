using Microsoft.AspNetCore.DataProtection;
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

    /// <summary>
    /// The link the token opens, and whether this request may see it. From here on the request reads what a visitor
    /// reads, a signed-in partner included: the page shows what the link shares, nothing more.
    /// </summary>
    public async Task<(ShareState State, ShareLink? Link)> OpenAsync(HttpContext context, string? token, CancellationToken cancellationToken = default)
    {
        audience.IsAShareLink();
        var link = SecretTokens.LooksValid(token)
            ? await db.ShareLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Token == token, cancellationToken)
            : null;
        if (link is null)
        {
            return (ShareState.Unknown, null);
        }

        if (link.RevokedAt is not null || link.ExpiresAt <= Now)
        {
            return (ShareState.Gone, link);
        }

        return (link.PasswordHash is null || IsUnlocked(context, link) ? ShareState.Open : ShareState.Locked, link);
    }

    public async Task<UnlockResult> UnlockAsync(HttpContext context, ShareLink link, string? password, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var tracked = await db.ShareLinks.SingleAsync(l => l.Id == link.Id, cancellationToken);
        if (tracked.LockedUntil > now)
        {
            return UnlockResult.LockedOut;
        }

        var right = !string.IsNullOrEmpty(password) && tracked.PasswordHash is not null
            && hasher.VerifyHashedPassword(tracked, tracked.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (right)
        {
            tracked.FailedPasswords = 0;
            tracked.LockedUntil = null;
            await db.SaveChangesAsync(cancellationToken);
            context.Response.Cookies.Append(CookieName, _protector.Protect(link.Token, UnlockLifetime), new CookieOptions
            {
                Path = PathOf(link.Token),
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = UnlockLifetime,
                IsEssential = true,
            });
            return UnlockResult.Unlocked;
        }

        var lockout = identity.Value.Lockout;
        tracked.FailedPasswords++;
        if (tracked.FailedPasswords >= lockout.MaxFailedAccessAttempts)
        {
            tracked.FailedPasswords = 0;
            tracked.LockedUntil = now + lockout.DefaultLockoutTimeSpan;
        }

        await db.SaveChangesAsync(cancellationToken);
        return tracked.LockedUntil > now ? UnlockResult.LockedOut : UnlockResult.Wrong;
    }

    /// <summary>One more view of the link's page (its files are not counted: a page shows many).</summary>
    public Task RecordViewAsync(ShareLink link, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return db.ShareLinks.Where(l => l.Id == link.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Views, l => l.Views + 1).SetProperty(l => l.LastViewedAt, now), cancellationToken);
    }

    private bool IsUnlocked(HttpContext context, ShareLink link)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } sealedToken)
        {
            return false;
        }

        try
        {
            return _protector.Unprotect(sealedToken) == link.Token;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
