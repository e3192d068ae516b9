using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Localization;

namespace MoiAimerToi.Web.Accounts;

/// <summary>Where an invitation stands when someone opens its link.</summary>
public enum InviteState
{
    Unknown,
    Open,

    /// <summary>Used, expired or revoked: it makes no account.</summary>
    Gone,

    /// <summary>An invitation for a partner when the site already has its two.</summary>
    NoRoom,
}

/// <summary>An invitation just made, with the secret of its link (<c>/invite/{Token}</c>).</summary>
public sealed record NewInvite(Invite Invite, string Token);

/// <summary>The rules of invitations: who may be invited, and how one becomes exactly one account.</summary>
public sealed class InviteService(
    AppDbContext db,
    UserManager<AppUser> users,
    Partners partners,
    TimeProvider time,
    FieldRules rules,
    IStringLocalizer<SharedResource> text)
{
    public const int MaxPartners = 2;

    public static string PathOf(string token) => "/invite/" + token;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>A new invitation and its link's secret (to show once); refused for a partner when two partners exist.</summary>
    public async Task<Outcome<NewInvite>> CreateAsync(AccountRole role, string? createdBy, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role))
        {
            return Outcome<NewInvite>.Failure([new FieldError("role", text["Invite_Role"])]);
        }

        if (role == AccountRole.Partner && await partners.PartnerCountAsync(cancellationToken) >= MaxPartners)
        {
            return Outcome<NewInvite>.Failure([new FieldError("role", text["Invite_NoRoom"])]);
        }

        var token = SecretTokens.New();
        var invite = new Invite { TokenHash = SecretTokens.Digest(token), Role = role, CreatedAt = Now, ExpiresAt = Now + Invite.Lifetime, CreatedBy = createdBy };
        db.Invites.Add(invite);
        await db.SaveChangesAsync(cancellationToken);
        return new NewInvite(invite, token);
    }

    public async Task<IReadOnlyList<Invite>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Invites.AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).ToListAsync(cancellationToken);

    /// <returns>False when no invitation has that id.</returns>
    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        var invite = await db.Invites.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invite is null)
        {
            return false;
        }

        invite.RevokedAt ??= Now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<(InviteState State, Invite? Invite)> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        var digest = SecretTokens.LooksValid(token) ? SecretTokens.Digest(token!) : null;
        var invite = digest is null ? null : await db.Invites.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == digest, cancellationToken);
        if (invite is null)
        {
            return (InviteState.Unknown, null);
        }

        if (!invite.IsOpen(Now))
        {
            return (InviteState.Gone, invite);
        }

        return invite.Role == AccountRole.Partner && await partners.PartnerCountAsync(cancellationToken) >= MaxPartners
            ? (InviteState.NoRoom, invite)
            : (InviteState.Open, invite);
    }

    /// <summary>
    /// Makes the account the invitation names, once: the invitation is claimed and the account created in one
    /// transaction, so two people sending the form at once make one account, and a refused password makes none.
    /// </summary>
    public Task<(InviteState State, Outcome<AppUser>? Account)> AcceptAsync(
        string? token, string? userName, string? displayName, string? password, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        rules.Present(errors, "password", password);
        return AcceptAsync(token, userName, displayName, errors, null, user => users.CreateAsync(user, password!), cancellationToken);
    }

    /// <summary>The same, with a passkey the browser just made (for the account id it was made for) instead of a password.</summary>
    public Task<(InviteState State, Outcome<AppUser>? Account)> AcceptAsync(
        string? token, string? userName, string? displayName, UserPasskeyInfo passkey, string accountId, CancellationToken cancellationToken = default) =>
        AcceptAsync(token, userName, displayName, [], accountId, async user =>
        {
            var created = await users.CreateAsync(user);
            return created.Succeeded ? await users.AddOrUpdatePasskeyAsync(user, passkey) : created;
        }, cancellationToken);

    /// <summary>Whether the names are fine and free, before a browser is asked to make a passkey for them.</summary>
    public async Task<IReadOnlyList<FieldError>> CheckNamesAsync(string? userName, string? displayName)
    {
        var errors = Names(userName, displayName);
        if (errors.Count == 0 && await users.FindByNameAsync(userName!.Trim()) is not null)
        {
            errors.Add(new FieldError("user_name", users.ErrorDescriber.DuplicateUserName(userName.Trim()).Description));
        }

        return errors;
    }

    private List<FieldError> Names(string? userName, string? displayName)
    {
        var errors = new List<FieldError>();
        if (userName is null)
        {
            rules.Present(errors, "user_name", userName);
        }
        else
        {
            rules.Required(errors, "user_name", userName);
        }

        rules.MaxLength(errors, "display_name", displayName?.Trim(), AppUser.DisplayNameMaxLength);
        return errors;
    }

    private async Task<(InviteState State, Outcome<AppUser>? Account)> AcceptAsync(
        string? token, string? userName, string? displayName, List<FieldError> errors, string? accountId,
        Func<AppUser, Task<IdentityResult>> create, CancellationToken cancellationToken)
    {
        errors.InsertRange(0, Names(userName, displayName));
        var (state, invite) = await FindAsync(token, cancellationToken);
        if (state != InviteState.Open)
        {
            return (state, null);
        }

        if (errors.Count > 0)
        {
            return (state, Outcome<AppUser>.Failure(errors));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Now;
        var claimed = await db.Invites
            .Where(i => i.Id == invite!.Id && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return (InviteState.Gone, null);
        }

        int? perspective = null;
        if (invite!.Role == AccountRole.Partner)
        {
            var taken = await db.Users.Where(u => u.Role == AccountRole.Partner).Select(u => u.PerspectiveNumber).ToListAsync(cancellationToken);
            if (taken.Count >= MaxPartners)
            {
                return (InviteState.NoRoom, null);
            }

            perspective = taken.Contains(1) ? 2 : 1;
        }

        var user = AppUserFactory.New(userName!, displayName, invite.Role, perspective, time);
        if (accountId is not null)
        {
            user.Id = accountId;
        }

        var result = await create(user);
        if (!result.Succeeded)
        {
            return (state, Outcome<AppUser>.Failure(result.Errors
                .Select(e => new FieldError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "user_name", e.Description))
                .ToList()));
        }

        await db.Invites.Where(i => i.Id == invite.Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedBy, user.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (state, user);
    }
}
