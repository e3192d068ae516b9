namespace MoiAimerToi.Web.Accounts;

/// <summary>New accounts, as every way of making one makes them.</summary>
public static class AppUserFactory
{
    /// <summary>The first account (<c>/setup</c>, <c>BACKEND_ADMIN_USER</c>, Development's admin): partner 1.</summary>
    public static AppUser FirstPartner(string userName, TimeProvider time) =>
        New(userName, userName, AccountRole.Partner, perspectiveNumber: 1, time);

    public static AppUser New(string userName, string? displayName, AccountRole role, int? perspectiveNumber, TimeProvider time) => new()
    {
        UserName = userName.Trim(),
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName.Trim() : displayName.Trim(),
        Role = role,
        PerspectiveNumber = role == AccountRole.Partner ? perspectiveNumber : null,
        CreatedAt = time.GetUtcNow().UtcDateTime,
    };
}
