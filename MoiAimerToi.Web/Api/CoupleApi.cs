using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Api;

public static class CoupleApi
{
    public static IEndpointRouteBuilder MapCoupleApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/api/couple-data", "Couple");
        group.MapGet("", GetAsync).WithName("GetCoupleData").CacheOutput(PageCache.Policy);

        var edits = group.MapGroup("").RequireAuthorization(ApiAuthentication.EditorPolicy);
        edits.MapPut("/start-date", SetStartDateAsync).WithName("SetStartDate");
        edits.MapPut("/home-message", SetHomeMessageAsync).WithName("SetHomeMessage");
        edits.MapPut("/intro", SetIntroTextAsync).WithName("SetIntroText");
        return endpoints;
    }

    private static async Task<Ok<CoupleDataDto>> GetAsync(CoupleService couple, CancellationToken cancellationToken) =>
        TypedResults.Ok(CoupleDataDto.From(await couple.GetAsync(cancellationToken)));

    private static async Task<Results<Ok<CoupleDataDto>, BadRequest<ApiError>>> SetStartDateAsync(
        StartDateRequest? body, CoupleService couple, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Answer(await couple.SetStartDateAsync(body?.StartDate, ApiTokens.UserId(user), cancellationToken));

    private static async Task<Results<Ok<CoupleDataDto>, BadRequest<ApiError>>> SetHomeMessageAsync(
        HomeMessageRequest? body, CoupleService couple, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Answer(await couple.SetHomeMessageAsync(body?.HomeMessage, ApiTokens.UserId(user), cancellationToken));

    private static async Task<Results<Ok<CoupleDataDto>, BadRequest<ApiError>>> SetIntroTextAsync(
        IntroTextRequest? body, CoupleService couple, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Answer(await couple.SetIntroTextAsync(body?.IntroText, ApiTokens.UserId(user), cancellationToken));

    private static Results<Ok<CoupleDataDto>, BadRequest<ApiError>> Answer(Outcome<CoupleData> outcome) =>
        outcome.Succeeded
            ? TypedResults.Ok(CoupleDataDto.From(outcome.Value!))
            : TypedResults.BadRequest(ApiError.From(outcome.Errors));
}

public sealed record CoupleDataDto(int Id, DateOnly StartDate, string HomeMessage, string IntroText)
{
    public static CoupleDataDto From(CoupleData couple) => new(couple.Id, couple.StartDate, couple.HomeMessage, couple.IntroText);
}

public sealed record StartDateRequest(string? StartDate = null);

public sealed record HomeMessageRequest(string? HomeMessage = null);

public sealed record IntroTextRequest(string? IntroText = null);
