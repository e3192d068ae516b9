namespace MoiAimerToi.Web.Accounts;

/// <summary>
/// What the person looking at this request's page may do, as the authorization policies decide it: evaluated
/// once per request by <see cref="ViewerPageFilter"/>, then read by every page, partial and layout, which never
/// look at the user themselves.
/// </summary>
public sealed class Viewer
{
    /// <summary>Signed in with an account (<see cref="Policies.Member"/>).</summary>
    public bool IsSignedIn { get; internal set; }

    /// <summary>May change the site's content (<see cref="Policies.Editor"/>).</summary>
    public bool CanEdit { get; internal set; }
}
