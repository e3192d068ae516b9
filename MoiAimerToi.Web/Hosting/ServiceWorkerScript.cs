namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// The service worker's script has a fixed name, so the static assets send it <c>no-cache</c>; the browser checks it
/// for an update on every navigation. Kept an hour instead, a navigation asks the network for its page alone, and a
/// new worker still arrives within the hour (an old one is harmless: it never serves a file a page did not name).
/// </summary>
public static class ServiceWorkerScript
{
    public const string Path = "/sw.js";

    public static IApplicationBuilder UseServiceWorkerScriptCaching(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "max-age=3600";
                return Task.CompletedTask;
            });
        }

        return next(context);
    });
}
