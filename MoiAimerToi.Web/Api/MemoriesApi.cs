using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Common;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Api;

public static class MemoriesApi
{
    public static IEndpointRouteBuilder MapMemoriesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/api/memories", "Memories");
        group.MapGet("", ListAsync).WithName("ListMemories").CacheOutput(PageCache.Policy);
        group.MapGet("/{id:int}", GetAsync).WithName("GetMemory").CacheOutput(PageCache.Policy);

        var edits = group.MapGroup("").RequireAuthorization(ApiAuthentication.EditorPolicy);
        edits.MapPost("", CreateAsync).WithName("CreateMemory");
        edits.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateMemory")
            .RequireRateLimiting(RateLimits.Uploads)
            .Accepts<MemoryRequest>("application/json", "multipart/form-data")
            .WithBodySchema<MemoryForm>("multipart/form-data")
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ApiError>(StatusCodes.Status415UnsupportedMediaType);
        edits.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteMemory");
        return endpoints;
    }

    private static async Task<Ok<MemoryDto[]>> ListAsync(MemoryService memories, Partners partners, CancellationToken cancellationToken)
    {
        var accounts = await partners.AccountsAsync(cancellationToken);
        return TypedResults.Ok((await memories.ListAsync(cancellationToken)).Select(m => MemoryDto.From(m, accounts)).ToArray());
    }

    private static async Task<Results<Ok<MemoryDto>, NotFound<ApiError>>> GetAsync(
        int id, MemoryService memories, Partners partners, CancellationToken cancellationToken) =>
        await memories.FindAsync(id, cancellationToken) is { } memory
            ? TypedResults.Ok(MemoryDto.From(memory, await partners.AccountsAsync(cancellationToken)))
            : NotFound(id);

    private static async Task<Results<Created<MemoryDto>, BadRequest<ApiError>>> CreateAsync(
        MemoryRequest? body, MemoryService memories, Partners partners, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await memories.CreateAsync(ToInput(body), photo: null, ApiTokens.UserId(user), cancellationToken);
        if (!outcome.Succeeded)
        {
            return TypedResults.BadRequest(ApiError.From(outcome.Errors));
        }

        var memory = outcome.Value!;
        return TypedResults.Created($"/api/memories/{memory.Id}", MemoryDto.From(memory, await partners.AccountsAsync(cancellationToken)));
    }

    /// <summary>A JSON body or a multipart form; a field left out stays as it is.</summary>
    private static async Task<Results<Ok<MemoryDto>, BadRequest<ApiError>, NotFound<ApiError>, JsonHttpResult<ApiError>>> UpdateAsync(
        int id, HttpRequest request, MemoryService memories, Partners partners, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        MemoryInput input;
        IFormFile? photo = null;
        if (request.HasFormContentType)
        {
            var (form, unreadable) = await ApiForms.ReadAsync(request, cancellationToken);
            if (form is null)
            {
                return unreadable!;
            }

            if (!TryFlag(FormField(form, "just_us"), out var justUs))
            {
                return TypedResults.BadRequest(ApiError.From([new FieldError("just_us", "just_us must be true or false.")]));
            }

            input = new MemoryInput(FormField(form, "title"), FormField(form, "description"), FormField(form, "taken_on"), justUs);
            photo = PhotoUploads.Chosen(form.Files.GetFile("photo"));
        }
        else if (request.HasJsonContentType())
        {
            try
            {
                input = ToInput(await request.ReadFromJsonAsync<MemoryRequest>(cancellationToken));
            }
            catch (JsonException exception)
            {
                return TypedResults.BadRequest(ApiErrors.MalformedJson(exception));
            }
        }
        else
        {
            return TypedResults.Json(
                new ApiError("Send a JSON body (Content-Type: application/json) or a multipart form (multipart/form-data)."),
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        // The photo goes through the same pipeline as the pages'; the old photo's files go once the change is saved.
        await using var upload = photo?.OpenReadStream();
        var outcome = await memories.UpdateAsync(id, input, upload, ApiTokens.UserId(user), cancellationToken);
        return outcome switch
        {
            null => NotFound(id),
            { Succeeded: true } => TypedResults.Ok(MemoryDto.From(outcome.Value!, await partners.AccountsAsync(cancellationToken))),
            _ => Refused(outcome.Errors),
        };
    }

    /// <summary>413 over the size limit, 415 not a photo (or video), 422 a video too long, 503 no ffmpeg, 400 anything else.</summary>
    internal static JsonHttpResult<ApiError> Refused(IReadOnlyList<FieldError> errors) =>
        TypedResults.Json(ApiError.From(errors), statusCode: errors.Select(e => e.Kind).FirstOrDefault(k => k != ErrorKind.Invalid) switch
        {
            ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            ErrorKind.UnsupportedMedia => StatusCodes.Status415UnsupportedMediaType,
            ErrorKind.TooLong => StatusCodes.Status422UnprocessableEntity,
            ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        });

    private static async Task<Results<Ok<MessageDto>, NotFound<ApiError>>> DeleteAsync(int id, MemoryService memories, CancellationToken cancellationToken) =>
        await memories.DeleteAsync(id, cancellationToken) ? TypedResults.Ok(new MessageDto("Memory deleted")) : NotFound(id);

    private static MemoryInput ToInput(MemoryRequest? body) => new(body?.Title, body?.Description, body?.TakenOn, body?.JustUs);

    /// <summary>A form's <c>just_us</c>: left out keeps it; <c>true</c>/<c>false</c> (or <c>on</c>, <c>1</c>, <c>0</c>).</summary>
    private static bool TryFlag(string? value, out bool? flag)
    {
        flag = value?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "true" or "on" or "1" => true,
            "false" or "off" or "0" => false,
            _ => (bool?)null,
        };
        return flag is not null || string.IsNullOrWhiteSpace(value);
    }

    private static string? FormField(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) ? value.ToString() : null;

    internal static NotFound<ApiError> NotFound(int id) => TypedResults.NotFound(new ApiError($"No memory has the id {id}."));
}

/// <summary>
/// A memory as the old API showed it (<c>id, title, description, photo_url, created_at</c>) plus additive
/// fields; the photo's fields are null for a memory without one.
/// </summary>
public sealed record MemoryDto(
    int Id,
    string Title,
    string Description,
    string? PhotoUrl,
    DateTime CreatedAt,
    string? ThumbnailUrl,
    DateOnly TakenOn,
    DateTime UpdatedAt,
    int? Width,
    int? Height,
    string? CreatedBy,
    string? UpdatedBy,
    bool JustUs,
    int? CoverMediaId,
    IReadOnlyList<MediaDto> Media)
{
    /// <param name="accounts">The site's accounts by id, for the display names of who wrote and changed it.</param>
    public static MemoryDto From(Memory memory, IReadOnlyDictionary<string, AppUser> accounts) => new(
        memory.Id,
        memory.Title,
        memory.Description,
        PhotoUrls.Full(memory),
        memory.CreatedAt,
        PhotoUrls.Thumbnail(memory),
        memory.TakenOn,
        memory.UpdatedAt,
        memory.PhotoWidth,
        memory.PhotoHeight,
        Name(memory.CreatedBy, accounts),
        Name(memory.UpdatedBy, accounts),
        memory.JustUs,
        Album.Cover(memory)?.Id,
        Album.InOrder(memory).Select(MediaDto.From).ToList());

    private static string? Name(string? userId, IReadOnlyDictionary<string, AppUser> accounts) =>
        userId is not null && accounts.TryGetValue(userId, out var user) ? user.ShownName : null;
}

/// <summary>One photo or video of a memory's album; <c>url</c> is null while a video is prepared.</summary>
public sealed record MediaDto(
    int Id, string Kind, string? Url, string? ThumbnailUrl, int Width, int Height, DateOnly? TakenAt, double? DurationSeconds, string Status)
{
    public static MediaDto From(MemoryMedia medium) => new(
        medium.Id,
        medium.Kind == MediaKind.Photo ? "photo" : "video",
        PhotoUrls.Full(medium),
        PhotoUrls.Thumbnail(medium),
        medium.Width,
        medium.Height,
        medium.TakenOn,
        medium.DurationSeconds is { } seconds ? Math.Round(seconds, 3) : null,
        medium.Status switch { MediaStatus.Ready => "ready", MediaStatus.Processing => "processing", _ => "failed" });
}

/// <summary><c>taken_on</c> (<c>YYYY-MM-DD</c>; left out or empty keeps it) is additive; old clients send title and description.</summary>
public sealed record MemoryRequest(string? Title = null, string? Description = null, string? TakenOn = null, bool? JustUs = null);

/// <summary>The multipart form of <c>PUT /api/memories/{id}</c>, for the OpenAPI document.</summary>
public sealed record MemoryForm(string? Title = null, string? Description = null, string? TakenOn = null, IFormFile? Photo = null, bool? JustUs = null);

public sealed record MessageDto(string Message);
