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

/// <summary>A link as the partners see it in their list: what it shows, by whose hand, and how much it was seen.</summary>
public sealed record ShareLinkEntry(ShareLink Link, string? MemoryTitle);

/// <summary>
/// The partners' side of share links: making, listing and revoking them. Its token is kept as it is (unlike an
/// invitation's), so that the couple can copy a link again from the list: a copy of the database that opened one
/// would only show what that copy already holds, where a leaked invitation would make an account.
/// </summary>
public sealed class ShareLinkService(
    AppDbContext db,
    MemoryService memories,
    TimeProvider time,
    IPasswordHasher<ShareLink> hasher,
    IStringLocalizer<SharedResource> text)
{
    public const int PasswordMaxLength = 128;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Outcome<ShareLink>> CreateAsync(ShareLinkInput input, string? createdBy, CancellationToken cancellationToken = default)
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
            return Outcome<ShareLink>.Failure(errors);
        }

        var link = new ShareLink
        {
            Token = SecretTokens.New(),
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
        return link;
    }

    /// <summary>Every link not revoked, newest first, with the title of the memory it shows.</summary>
    public async Task<IReadOnlyList<ShareLinkEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var links = await db.ShareLinks.AsNoTracking().Where(l => l.RevokedAt == null)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).ToListAsync(cancellationToken);
        var titles = await memories.TitlesAsync(links.Where(l => l.MemoryId is not null).Select(l => l.MemoryId!.Value), cancellationToken);
        return links.Select(l => new ShareLinkEntry(l, l.MemoryId is { } id ? titles.GetValueOrDefault(id) : null)).ToList();
    }

    public Task<ShareLink?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.ShareLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.RevokedAt == null, cancellationToken);

    /// <returns>False when no link (not already revoked) has that id.</returns>
    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default) =>
        await db.ShareLinks.Where(l => l.Id == id && l.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.RevokedAt, Now), cancellationToken) > 0;
}
