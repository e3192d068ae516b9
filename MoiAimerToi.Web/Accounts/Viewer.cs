namespace MoiAimerToi.Web.Accounts;

/// <summary>
/// What the person looking at this request's page may do, as the authorization policies decide it: evaluated
/// once per request by <see cref="ViewerPageFilter"/>, then read by every page, partial and layout, which never
/// look at the user themselves.
/// </summary>
public sealed class Viewer
{
    /// <summary>Signed in with an account (<see cref="Policies.Member"/>): a partner or a guest.</summary>
    public bool IsSignedIn { get; internal set; }

    /// <summary>May change the site's content (<see cref="Policies.Editor"/>): a partner.</summary>
    public bool CanEdit { get; internal set; }

    /// <summary>The signed-in account's id, or null.</summary>
    public string? UserId { get; internal set; }

    /// <summary>The perspective the signed-in partner owns, or null.</summary>
    public int? PerspectiveNumber { get; internal set; }
}
