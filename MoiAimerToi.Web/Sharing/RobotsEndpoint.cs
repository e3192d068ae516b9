using System.Text;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Sharing;

/// <summary>
/// <c>/robots.txt</c>: the whole site closed to robots, except the share links whose couple asked for a preview card,
/// so that a messenger's preview bot may fetch them (the page itself stays <c>noindex</c>). Each is named by the
/// first characters of its token only (<see cref="ShareLinkService.PrefixLength"/>), as robots.txt rules are
/// prefixes: the file is public, the rest of the token (184 bits) is not.
/// </summary>
public static class RobotsEndpoint
{
    public static IEndpointRouteBuilder MapRobots(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/robots.txt", WriteAsync).WithName("Robots").ExcludeFromDescription().AnswerHeadLikeGet().AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> WriteAsync(AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var previewed = await db.ShareLinks.AsNoTracking()
            .Where(l => l.ShowPreview && l.RevokedAt == null && (l.ExpiresAt == null || l.ExpiresAt > now))
            .Select(l => l.TokenPrefix).ToListAsync(cancellationToken);
        var text = new StringBuilder("User-agent: *\n");
        foreach (var prefix in previewed)
        {
            text.Append("Allow: ").Append(SharedAccess.PathOf(prefix)).Append('\n');
        }

        text.Append("Disallow: /\n");
        return Results.Text(text.ToString(), "text/plain", Encoding.UTF8);
    }
}
