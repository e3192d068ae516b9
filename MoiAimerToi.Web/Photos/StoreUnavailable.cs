using MoiAimerToi.Web.Api;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Web.Photos;

/// <summary>
/// A route that serves a stored file answers <c>503</c> (with <c>Retry-After</c>) while the store does not answer, a
/// bucket down or hanging: the file is not missing, and the site has not failed. Under <c>/api</c> the body says so in
/// JSON, elsewhere the error page does; the log gets one warning line per request, not an error with its stack.
/// </summary>
public static class StoreUnavailable
{
    public const string RetryAfterSeconds = "30";

    public static TBuilder AnswersUnavailableWhileTheStoreIsDown<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (FileStoreUnavailableException unavailable)
            {
                var http = context.HttpContext;
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreUnavailable))
                    .LogWarning("{Path} answered 503: {Reason}", Hosting.AccessLog.Shown(http.Request.Path), unavailable.Message);
                http.Response.Headers.RetryAfter = RetryAfterSeconds;
                ApiErrors.Describe(http, "The file store does not answer; try again in a moment.");
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        });
}
