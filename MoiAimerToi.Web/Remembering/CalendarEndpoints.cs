namespace MoiAimerToi.Web.Remembering;

/// <summary><c>/calendar/{secret}.ics</c>: a partner's calendar feed, for whoever holds its address (their phone's calendar).</summary>
public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints)
    {
        // Open to whoever holds the address, whatever the site's visibility: the secret is the permission.
        endpoints.MapGet("/calendar/{secret}.ics", FeedAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> FeedAsync(string secret, HttpContext http, PersonalLinks links, CalendarFeed feed, CancellationToken cancellationToken)
    {
        // A renewed or made-up secret: as if there were no such address.
        if (await links.OwnerAsync(PersonalLinkKind.Calendar, secret, cancellationToken) is not { } partner)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Text(await feed.ForAsync(partner, cancellationToken), CalendarFeed.ContentType);
    }
}
