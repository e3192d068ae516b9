using Microsoft.AspNetCore.Http.Metadata;

namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// Each endpoint's body limit is its <see cref="IRequestSizeLimitMetadata"/> (<c>[RequestSizeLimit]</c>, or the
/// metadata its group or feature adds), which routing hands to the server: a body that grows past it while it is
/// read fails with a 413. This answers 413 sooner, before anything is read, when the declared length is already over.
/// </summary>
public static class RequestSizeLimits
{
    /// <summary>Right after routing, which picks the endpoint whose limit applies.</summary>
    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.ContentLength > LimitOf(context))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    });

    /// <summary>The limit of the request's endpoint, or null when it sets none (the server's default then applies).</summary>
    public static long? LimitOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
}
