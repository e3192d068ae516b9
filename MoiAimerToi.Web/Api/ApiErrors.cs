using System.Text.Json.Serialization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Hosting;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace MoiAimerToi.Web.Api;

/// <summary>
/// The body of every 4xx/5xx answer under <c>/api</c>: <c>error</c> is for a person to read;
/// <c>errors</c>, on invalid fields, maps each snake_case field to its messages.
/// </summary>
public sealed record ApiError(
    string Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static ApiError From(IReadOnlyList<FieldError> errors) => new(
        string.Join(" ", errors.Select(e => e.Message)),
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
}

public static class ApiErrors
{
    public const string PathPrefix = "/api";
    private const string DescriptionKey = "MoiAimerToi.ApiError";

    public static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments(PathPrefix);

    /// <summary>Says why a request was refused, for the answer written after the authentication handlers are done.</summary>
    public static void Describe(HttpContext context, string error) => context.Items[DescriptionKey] = error;

    public static ApiError MalformedJson(JsonException exception) => new(
        "Malformed JSON: the body is not valid JSON or a field has the wrong type"
        + (exception.Path is { Length: > 1 } path ? $" (at {path})." : "."));

    public static ApiError TooLarge(long limit) => new("The request body is larger than the limit of "
        + (limit >= 1024 * 1024 ? $"{limit / (1024.0 * 1024):0.#} MB." : $"{limit / 1024.0:0.#} KB."));

    public static ApiError NotJson() =>
        new("Unsupported Content-Type: send the body as JSON (Content-Type: application/json), or as multipart/form-data where a route takes a photo.");

    internal static ApiError ForStatus(HttpContext context, int status) =>
        context.Items[DescriptionKey] is string described ? new ApiError(described) : status switch
        {
            StatusCodes.Status400BadRequest => new("The request is not valid."),
            StatusCodes.Status401Unauthorized => new(
                "Authentication required: send 'Authorization: Bearer <token>' (the token from POST /api/auth/login) or a valid X-API-KEY header."),
            StatusCodes.Status403Forbidden => new("This account may not do that."),
            StatusCodes.Status404NotFound => new($"No API route matches {context.Request.Method} {context.Request.Path}."),
            StatusCodes.Status405MethodNotAllowed => new($"{context.Request.Method} is not allowed on {context.Request.Path}."),
            StatusCodes.Status413PayloadTooLarge => TooLarge(RequestSizeLimits.LimitOf(context)
                ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0),
            StatusCodes.Status415UnsupportedMediaType => NotJson(),
            >= 500 => new("Something went wrong on the server; try again later."),
            _ => new(ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason ? reason + "." : $"Error {status}."),
        };
}

/// <summary>
/// For <c>/api</c> only: no HTML error pages, and a JSON <see cref="ApiError"/> for every 4xx/5xx that has no
/// body yet (401s, unknown routes, 405s, a body over its route's limit, failures).
/// </summary>
public sealed class ApiErrorsMiddleware(
    RequestDelegate next,
    IOptions<HttpJsonOptions> json,
    ILogger<ApiErrorsMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiErrors.IsApiRequest(context))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            logger.LogDebug(exception, "Bad API request.");
            var error = exception.InnerException is JsonException malformed
                ? ApiErrors.MalformedJson(malformed)
                : ApiErrors.ForStatus(context, exception.StatusCode);
            await WriteAsync(context, exception.StatusCode, error);
            return;
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(exception, "The API request {Method} {Path} failed.", context.Request.Method, Hosting.AccessLog.Shown(context.Request.Path));
            await WriteAsync(context, StatusCodes.Status500InternalServerError, ApiErrors.ForStatus(context, 500));
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await WriteAsync(context, response.StatusCode, ApiErrors.ForStatus(context, response.StatusCode));
        }
    }

    private Task WriteAsync(HttpContext context, int status, ApiError error)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = null;
        return context.Response.WriteAsJsonAsync(error, json.Value.SerializerOptions);
    }
}
