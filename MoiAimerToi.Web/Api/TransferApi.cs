using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Transfer;

namespace MoiAimerToi.Web.Api;

public static class TransferApi
{
    public static IEndpointRouteBuilder MapTransferApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/api", "Your data").RequireAuthorization(ApiAuthentication.EditorPolicy);
        group.MapGet("/export", Export)
            .WithName("ExportData")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        group.MapPost("/import", ImportAsync)
            .WithName("ImportData")
            .WithMetadata(new AcceptsImportAttribute())
            .WithImportLimits()
            .Accepts<ImportForm>("multipart/form-data")
            .WithBodySchema<ImportForm>("multipart/form-data")
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge)
            .RequireRateLimiting(RateLimits.Uploads);
        return endpoints;
    }

    /// <summary>The ZIP is written straight to the response as it is made.</summary>
    private static PushStreamHttpResult Export(ExportService export, HttpContext context, ClaimsPrincipal user)
    {
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Stream(body => export.WriteAsync(body, ApiTokens.UserId(user), context.RequestAborted), "application/zip", export.FileName);
    }

    /// <summary>Replaces the site's content with the ZIP in the <c>file</c> part: an export of this site or the old site's files.</summary>
    private static async Task<Results<Ok<ImportSummaryDto>, JsonHttpResult<ApiError>>> ImportAsync(
        HttpRequest request, ImportService imports, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Error(StatusCodes.Status415UnsupportedMediaType, "Send the ZIP as multipart/form-data, in a part named 'file'.");
        }

        var (form, unreadable) = await ApiForms.ReadAsync(request, cancellationToken);
        if (form is null)
        {
            return unreadable!;
        }

        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return Error(StatusCodes.Status400BadRequest, "Send the ZIP in a part named 'file'.");
        }

        await using var upload = file.OpenReadStream();
        var outcome = await imports.ImportAsync(upload, ApiTokens.UserId(user), cancellationToken);
        if (!outcome.Succeeded)
        {
            var tooLarge = outcome.Errors.Any(e => e.Kind == ErrorKind.TooLarge);
            return TypedResults.Json(ApiError.From(outcome.Errors), statusCode: tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(ImportSummaryDto.From(outcome.Value!));
    }

    private static JsonHttpResult<ApiError> Error(int status, string error) => TypedResults.Json(new ApiError(error), statusCode: status);
}

/// <summary>What an import brought in; <c>skipped</c> lists what the old site's import left out, and why.</summary>
public sealed record ImportSummaryDto(int Memories, int Photos, int Perspectives, IReadOnlyList<ImportSkipDto> Skipped)
{
    public static ImportSummaryDto From(ImportSummary summary) => new(
        summary.Memories, summary.Photos, summary.Perspectives, summary.Skipped.Select(s => new ImportSkipDto(s.Item, s.Reason)).ToList());
}

public sealed record ImportSkipDto(string Item, string Reason);

/// <summary>The multipart form of <c>POST /api/import</c>, for the OpenAPI document.</summary>
public sealed record ImportForm(IFormFile File);
