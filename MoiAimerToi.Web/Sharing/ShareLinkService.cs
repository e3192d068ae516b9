using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Web.Sharing;

/// <summary>What a partner asks for when sharing: one memory (or the whole gallery when null), and how.</summary>
/// <param name="ExpiresAt">A UTC instant, or null for a link that lasts until it is revoked.</param>
public sealed record ShareLinkInput(int? MemoryId, string? Password, DateTime? ExpiresAt, bool AllowDownload, bool ShowPreview);

/// <summary>A link as the partners see it: its token (null when it can no longer be unsealed) and the memory's title.</summary>
public sealed record ShareLinkEntry(ShareLink Link, string? Token, string? MemoryTitle = null);

/// <summary>
/// The partners' side of share links: making, listing and revoking them. The database finds a link by its token's
/// digest, as for invitations, so that a copy of it (a backup) opens no link; the token is also kept sealed by Data
/// Protection, whose keys live apart, so that the couple can copy a link again from the list.
/// </summary>
public sealed class ShareLinkService(
    AppDbContext db,
    MemoryService memories,
    TimeProvider time,
    IPasswordHasher<ShareLink> hasher,
    IDataProtectionProvider protection,
    IStringLocalizer<SharedResource> text)
{
    public const int PasswordMaxLength = 128;

    /// <summary>How much of a token robots.txt may name: 72 of its 256 bits.</summary>
    public const int PrefixLength = 12;

    private readonly IDataProtector _sealer = protection.CreateProtector("MoiAimerToi.ShareLinkToken");

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Outcome<ShareLinkEntry>> CreateAsync(ShareLinkInput input, string? createdBy, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var password = string.IsNullOrEmpty(input.Password) ? null : input.Password;
        if (password?.Length > PasswordMaxLength)
        {
            errors.Add(new FieldError("password", text["Error_TooLong", text["Field_password"], PasswordMaxLength]));
        }

        if (input.ExpiresAt is { } expires && expires <= Now)
        {
            errors.Add(new FieldError("expires_at", text["Share_ExpiryPast"]));
        }

        if (input.ShowPreview && password is not null)
        {
            errors.Add(new FieldError("show_preview", text["Share_PreviewWithPassword"]));
        }

        if (input.MemoryId is { } memoryId)
        {
            // Its caller is a partner (or the key): a "just us" memory is found, and refused for what it is.
            switch (await memories.FindAsync(memoryId, cancellationToken))
            {
                case null:
                    errors.Add(new FieldError("memory_id", text["Share_NoMemory", memoryId]));
                    break;
                case { JustUs: true }:
                    errors.Add(new FieldError("memory_id", text["Share_JustUs"], ErrorKind.Conflict));
                    break;
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<ShareLinkEntry>.Failure(errors);
        }

        var token = SecretTokens.New();
        var link = new ShareLink
        {
            TokenHash = SecretTokens.Digest(token),
            SealedToken = _sealer.Protect(token),
            TokenPrefix = token[..PrefixLength],
            MemoryId = input.MemoryId,
            ExpiresAt = input.ExpiresAt is { } at ? DateTime.SpecifyKind(at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc) : null,
            AllowDownload = input.AllowDownload,
            ShowPreview = input.ShowPreview,
            CreatedAt = Now,
            CreatedBy = createdBy,
        };
        if (password is not null)
        {
            link.PasswordHash = hasher.HashPassword(link, password);
        }

        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return new ShareLinkEntry(link, token);
    }

    /// <summary>Every link not revoked, newest first, with the title of the memory it shows.</summary>
    public async Task<IReadOnlyList<ShareLinkEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var links = await db.ShareLinks.AsNoTracking().Where(l => l.RevokedAt == null)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).ToListAsync(cancellationToken);
        var titles = await memories.TitlesAsync(links.Where(l => l.MemoryId is not null).Select(l => l.MemoryId!.Value), cancellationToken);
        return links.Select(l => new ShareLinkEntry(l, TokenOf(l), l.MemoryId is { } id ? titles.GetValueOrDefault(id) : null)).ToList();
    }

    /// <returns>False when no link (not already revoked) has that id.</returns>
    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default) =>
        await db.ShareLinks.Where(l => l.Id == id && l.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.RevokedAt, Now), cancellationToken) > 0;

    private string? TokenOf(ShareLink link) => _sealer.Unseal(link.SealedToken);
}
