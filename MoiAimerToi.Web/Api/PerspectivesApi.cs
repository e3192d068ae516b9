using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Perspectives;

namespace MoiAimerToi.Web.Api;

public static class PerspectivesApi
{
    public static IEndpointRouteBuilder MapPerspectivesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/api/perspectives", "Perspectives");
        group.MapGet("", ListAsync).WithName("ListPerspectives").CacheOutput(PageCache.Policy);
        group.MapGet("/{number:int}", GetAsync).WithName("GetPerspective").CacheOutput(PageCache.Policy);

        var edits = group.MapGroup("").RequireAuthorization(ApiAuthentication.EditorPolicy);
        edits.MapPost("", SaveAsync).WithName("SavePerspective");
        edits.MapPut("/{number:int}", UpdateAsync).WithName("UpdatePerspective");
        return endpoints;
    }

    private static async Task<Ok<PerspectiveDto[]>> ListAsync(PerspectiveService perspectives, CancellationToken cancellationToken) =>
        TypedResults.Ok((await perspectives.ListAsync(cancellationToken)).Select(PerspectiveDto.From).ToArray());

    private static async Task<Results<Ok<PerspectiveDto>, NotFound<ApiError>>> GetAsync(
        int number, PerspectiveService perspectives, CancellationToken cancellationToken)
    {
        if (!Perspective.Numbers.Contains(number))
        {
            return NoSuchNumber(number);
        }

        return await perspectives.FindAsync(number, cancellationToken) is { } perspective
            ? TypedResults.Ok(PerspectiveDto.From(perspective))
            : TypedResults.NotFound(new ApiError($"Perspective {number} has not been written yet."));
    }

    /// <summary>Creates or updates by number (201 the first time, 200 after), so a number never appears twice.</summary>
    private static async Task<Results<Created<PerspectiveDto>, Ok<PerspectiveDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> SaveAsync(
        PerspectiveRequest? body, PerspectiveService perspectives, Partners partners, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body?.PerspectiveNumber is { } number && Perspective.Numbers.Contains(number) && await NotYoursAsync(partners, user, number, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await perspectives.SaveAsync(body?.PerspectiveNumber, body?.Content, ApiTokens.UserId(user), cancellationToken);
        if (!outcome.Succeeded)
        {
            return TypedResults.BadRequest(ApiError.From(outcome.Errors));
        }

        var (perspective, created) = outcome.Value!;
        var dto = PerspectiveDto.From(perspective);
        return created ? TypedResults.Created($"/api/perspectives/{perspective.Number}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<PerspectiveDto>, BadRequest<ApiError>, NotFound<ApiError>, JsonHttpResult<ApiError>>> UpdateAsync(
        int number, PerspectiveContentRequest? body, PerspectiveService perspectives, Partners partners, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Perspective.Numbers.Contains(number))
        {
            return NoSuchNumber(number);
        }

        if (await NotYoursAsync(partners, user, number, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await perspectives.SaveAsync(number, body?.Content, ApiTokens.UserId(user), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(PerspectiveDto.From(outcome.Value!.Perspective))
            : TypedResults.BadRequest(ApiError.From(outcome.Errors));
    }

    /// <summary>403 once the other partner has joined and this perspective is theirs (the API key writes both).</summary>
    private static async Task<JsonHttpResult<ApiError>?> NotYoursAsync(Partners partners, ClaimsPrincipal user, int number, CancellationToken cancellationToken) =>
        await partners.MayWritePerspectiveAsync(user, number, cancellationToken)
            ? null
            : TypedResults.Json(
                new ApiError($"Perspective {number} belongs to {(await partners.OwnerAsync(number, cancellationToken))?.ShownName ?? "the other partner"}: each partner writes their own."),
                statusCode: StatusCodes.Status403Forbidden);

    private static NotFound<ApiError> NoSuchNumber(int number) =>
        TypedResults.NotFound(new ApiError($"There is no perspective {number}: the numbers are 1 and 2."));
}

public sealed record PerspectiveDto(int Id, int PerspectiveNumber, string Content, DateTime UpdatedAt)
{
    public static PerspectiveDto From(Perspective perspective) =>
        new(perspective.Id, perspective.Number, perspective.Content, perspective.UpdatedAt);
}

public sealed record PerspectiveRequest(int? PerspectiveNumber = null, string? Content = null);

public sealed record PerspectiveContentRequest(string? Content = null);
