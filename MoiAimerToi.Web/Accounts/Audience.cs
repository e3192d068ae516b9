using System.Security.Claims;

namespace MoiAimerToi.Web.Accounts;

/// <summary>
/// Whom this request's content is for, as the database's filter on "just us" memories reads it. Whoever authenticates
/// a request says who it is for (the pages' filter, the API's, the files'); a request no one vouched for sees what a
/// visitor sees. Work outside any request (the sweep, a command) sees everything, and says so where it reads.
/// </summary>
public sealed class Audience(IHttpContextAccessor http)
{
    private bool? _partners;

    /// <summary>Whether "just us" memories may be read.</summary>
    public bool SeesJustUs => _partners ?? http.HttpContext is null;

    public void Is(ClaimsPrincipal user) => _partners = AppClaims.IsPartner(user);

    /// <summary>A share link's page and files: what a visitor sees, whoever holds the link.</summary>
    public void IsAShareLink() => _partners = false;
}
