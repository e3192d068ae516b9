using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Letters;
using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Api;

/// <summary><c>/api/letters</c>: a partner's letters, as <see cref="LetterService"/> lets them have them.</summary>
public static class LettersApi
{
    public static IEndpointRouteBuilder MapLettersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/api/letters", "Letters");
        group.MapGet("", ListAsync).WithName("ListLetters");
        var edits = group.MapGroup("").RequireAuthorization(ApiAuthentication.EditorPolicy);
        edits.MapPost("", WriteAsync).WithName("WriteLetter");
        edits.MapPut("/{id:int}", UpdateAsync).WithName("UpdateLetter");
        edits.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteLetter");
        return endpoints;
    }

    /// <summary>Only a partner's token has letters; the key, a guest and a visitor get an empty list.</summary>
    private static async Task<Ok<LetterDto[]>> ListAsync(LetterService letters, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await letters.ListAsync(ApiTokens.UserId(user), cancellationToken)).Select(LetterDto.Of).ToArray());

    private static async Task<Results<Created<LetterDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> WriteAsync(
        LetterRequest? body, LetterService letters, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (ApiTokens.UserId(user) is not { } reader)
        {
            return NoPerson();
        }

        var outcome = await letters.WriteAsync(reader, Input(body), [], cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal is null ? TypedResults.BadRequest(ApiError.From(outcome.Errors)) : NoPerson();
        }

        return TypedResults.Created($"/api/letters/{outcome.Letter!.Id}", await OneAsync(letters, outcome.Letter.Id, reader, cancellationToken));
    }

    private static async Task<Results<Ok<LetterDto>, BadRequest<ApiError>, NotFound<ApiError>, JsonHttpResult<ApiError>>> UpdateAsync(
        int id, LetterRequest? body, LetterService letters, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reader = ApiTokens.UserId(user);
        var outcome = await letters.UpdateAsync(id, reader, Input(body), cancellationToken);
        return outcome.Refusal switch
        {
            LetterRefusal.NotFound => LetterNotFound(id),
            LetterRefusal.NotAuthor => NotAuthor(),
            LetterRefusal.Opened => Opened(),
            _ when !outcome.Succeeded => TypedResults.BadRequest(ApiError.From(outcome.Errors)),
            _ => TypedResults.Ok(await OneAsync(letters, id, reader!, cancellationToken)),
        };
    }

    private static async Task<Results<Ok<MessageDto>, NotFound<ApiError>, JsonHttpResult<ApiError>>> DeleteAsync(
        int id, LetterService letters, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await letters.DeleteAsync(id, ApiTokens.UserId(user), cancellationToken) switch
        {
            null => TypedResults.Ok(new MessageDto("Letter deleted")),
            LetterRefusal.NotFound => LetterNotFound(id),
            LetterRefusal.NotAuthor => NotAuthor(),
            _ => Opened(),
        };

    private static LetterInput Input(LetterRequest? body) => new(body?.To, body?.Content, body?.OpensOn);

    private static async Task<LetterDto> OneAsync(LetterService letters, int id, string reader, CancellationToken cancellationToken) =>
        LetterDto.Of((await letters.ListAsync(reader, cancellationToken)).Single(l => l.Id == id));

    private static NotFound<ApiError> LetterNotFound(int id) => TypedResults.NotFound(new ApiError($"No letter has the id {id}."));

    private static JsonHttpResult<ApiError> NotAuthor() =>
        TypedResults.Json(new ApiError("Only the letter's author may change or delete it."), statusCode: StatusCodes.Status403Forbidden);

    private static JsonHttpResult<ApiError> Opened() =>
        TypedResults.Json(new ApiError("The letter has opened: it no longer changes."), statusCode: StatusCodes.Status409Conflict);

    private static JsonHttpResult<ApiError> NoPerson() =>
        TypedResults.Json(new ApiError("Only a partner's token writes letters; the key is no one."), statusCode: StatusCodes.Status403Forbidden);
}

/// <summary><c>to</c>: "partner" or "both"; <c>opens_on</c>: a day after today.</summary>
public sealed record LetterRequest(string? To, string? Content, string? OpensOn);

public sealed record LetterPhotoDto(string Url, string ThumbnailUrl, int Width, int Height);

/// <summary><c>content</c> (and <c>photos</c>) are null (empty) while the letter is sealed, except for its author.</summary>
public sealed record LetterDto(int Id, string From, string To, DateOnly OpensOn, bool Sealed, string? Content, IReadOnlyList<LetterPhotoDto> Photos)
{
    public static LetterDto Of(LetterView letter) => new(
        letter.Id, letter.From, letter.ToBoth ? "both" : "partner", letter.OpensOn, letter.Sealed, letter.Content,
        letter.Photos.Select(p => new LetterPhotoDto(
            "/uploads/" + p.FileName, "/uploads/" + PhotoNames.Variant(p.FileName, PhotoNames.ThumbnailWidth), p.Width, p.Height)).ToList());
}
