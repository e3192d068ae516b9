using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Localization;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Remembering;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Web.Api;

/// <summary>« Remembering » in api-contract.md: the counter, on this day, the couple's dates.</summary>
public static class RememberingApi
{
    public static IEndpointRouteBuilder MapRememberingApi(this IEndpointRouteBuilder endpoints)
    {
        var memories = endpoints.MapApiGroup("/api/on-this-day", "Remembering");
        memories.MapGet("", OnThisDayAsync).WithName("OnThisDay").CacheOutput(PageCache.Policy);

        // Open on a Public site; on a Private one, a token, the key, or a partner's widget secret (?secret=…).
        var counter = endpoints.MapApiGroup("/api/counter", "Remembering");
        counter.MapGet("", CounterAsync).WithName("Counter").AllowAnonymous();

        var dates = endpoints.MapApiGroup("/api/dates", "Remembering");
        dates.MapGet("", ListDatesAsync).WithName("ListDates").CacheOutput(PageCache.Policy);
        var edits = dates.MapGroup("").RequireAuthorization(ApiAuthentication.EditorPolicy);
        edits.MapPost("", AddDateAsync).WithName("AddDate");
        edits.MapPut("/{id:int}", UpdateDateAsync).WithName("UpdateDate");
        edits.MapDelete("/{id:int}", DeleteDateAsync).WithName("DeleteDate");
        return endpoints;
    }

    private static async Task<Ok<MemoryDto[]>> OnThisDayAsync(MemoryService memories, Partners partners, CancellationToken cancellationToken)
    {
        var accounts = await partners.AccountsAsync(cancellationToken);
        return TypedResults.Ok((await memories.OnThisDayAsync(cancellationToken)).Select(m => MemoryDto.From(m, accounts)).ToArray());
    }

    private static async Task<Results<Ok<CounterDto>, UnauthorizedHttpResult, NotFound<ApiError>>> CounterAsync(
        string? secret, HttpContext http, VisibilityService visibility, PersonalLinks links, CounterService counter,
        IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var principal = await ApiAuthentication.PrincipalAsync(http);
        var member = AppClaims.IsMember(principal);
        if (!member && !string.IsNullOrEmpty(secret))
        {
            member = await links.OwnerAsync(PersonalLinkKind.Widget, secret, cancellationToken) is not null;
            if (!member)
            {
                // A secret renewed or made up: as if the address did not exist, whatever the site's visibility.
                return TypedResults.NotFound(new ApiError("No widget has this secret (it may have been renewed in /settings)."));
            }

            http.Response.Headers.CacheControl = "private, no-store";
        }

        if (!member && !visibility.IsPublic)
        {
            ApiErrors.Describe(http, "This site is private: log in with POST /api/auth/login, or use the widget's address.");
            return TypedResults.Unauthorized();
        }

        var view = await counter.ViewAsync(withBirthdays: member, cancellationToken);
        return TypedResults.Ok(CounterDto.From(view, text));
    }

    private static async Task<Ok<ImportantDateDto[]>> ListDatesAsync(ImportantDates dates, CancellationToken cancellationToken) =>
        TypedResults.Ok((await dates.ListAsync(cancellationToken)).Select(ImportantDateDto.From).ToArray());

    private static async Task<Results<Created<ImportantDateDto>, BadRequest<ApiError>>> AddDateAsync(
        ImportantDateRequest? body, ImportantDates dates, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await dates.AddAsync(new ImportantDateInput(body?.Title, body?.Date, body?.Yearly), ApiTokens.UserId(user), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/dates/{outcome.Value!.Id}", ImportantDateDto.From(outcome.Value))
            : TypedResults.BadRequest(ApiError.From(outcome.Errors));
    }

    private static async Task<Results<Ok<ImportantDateDto>, BadRequest<ApiError>, NotFound<ApiError>>> UpdateDateAsync(
        int id, ImportantDateRequest? body, ImportantDates dates, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await dates.UpdateAsync(id, new ImportantDateInput(body?.Title, body?.Date, body?.Yearly), ApiTokens.UserId(user), cancellationToken);
        return outcome switch
        {
            null => DateNotFound(id),
            { Succeeded: true } => TypedResults.Ok(ImportantDateDto.From(outcome.Value!)),
            _ => TypedResults.BadRequest(ApiError.From(outcome.Errors)),
        };
    }

    private static async Task<Results<Ok<MessageDto>, NotFound<ApiError>>> DeleteDateAsync(int id, ImportantDates dates, CancellationToken cancellationToken) =>
        await dates.DeleteAsync(id, cancellationToken) ? TypedResults.Ok(new MessageDto("Date deleted")) : DateNotFound(id);

    private static NotFound<ApiError> DateNotFound(int id) => TypedResults.NotFound(new ApiError($"No important date has the id {id}."));
}

public sealed record ImportantDateRequest(string? Title, string? Date, bool? Yearly);

public sealed record ImportantDateDto(int Id, string Title, DateOnly Date, bool Yearly)
{
    public static ImportantDateDto From(ImportantDate date) => new(date.Id, date.Title, date.Date, date.Yearly);
}

public sealed record MilestoneDto(string Title, DateOnly Date, int DaysLeft);

public sealed record CounterDto(DateOnly StartDate, int Years, int Months, int Days, int Hours, int TotalDays, MilestoneDto? NextMilestone)
{
    public static CounterDto From(CounterView view, IStringLocalizer text) => new(
        view.StartDate,
        view.Elapsed.Years,
        view.Elapsed.Months,
        view.Elapsed.Days,
        view.Elapsed.Hours,
        view.Elapsed.TotalDays,
        view.Next is { } next ? new MilestoneDto(text.Title(next), next.Date, next.DaysFrom(view.Today)) : null);
}
