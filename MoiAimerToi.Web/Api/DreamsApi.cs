using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MoiAimerToi.Web.Dreams;
using MoiAimerToi.Web.Hosting;
using MoiAimerToi.Web.Memories;

namespace MoiAimerToi.Web.Api;

/// <summary><c>/api/dreams</c>: the couple's list of things to do together.</summary>
public static class DreamsApi
{
    public static IEndpointRouteBuilder MapDreamsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/api/dreams", "Dreams");
        group.MapGet("", ListAsync).WithName("ListDreams").CacheOutput(PageCache.Policy);
        var edits = group.MapGroup("").RequireAuthorization(ApiAuthentication.EditorPolicy);
        edits.MapPost("", AddAsync).WithName("AddDream");
        edits.MapPut("/{id:int}", ChangeAsync).WithName("ChangeDream");
        edits.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteDream");
        return endpoints;
    }

    private static async Task<Ok<DreamDto[]>> ListAsync(DreamService dreams, MemoryService memories, CancellationToken cancellationToken) =>
        TypedResults.Ok(await NumberedAsync(dreams, memories, cancellationToken));

    private static async Task<Results<Created<DreamDto>, BadRequest<ApiError>>> AddAsync(
        DreamRequest? body, DreamService dreams, MemoryService memories, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await dreams.AddAsync(body?.Title, ApiTokens.UserId(user), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/dreams/{outcome.Value!.Id}", await OneAsync(dreams, memories, outcome.Value.Id, cancellationToken))
            : TypedResults.BadRequest(ApiError.From(outcome.Errors));
    }

    /// <summary>Any of <c>title</c>, <c>done_on</c> (a day, or <c>null</c> to make it a dream again), <c>position</c> (1 is first), <c>memory_id</c>.</summary>
    private static async Task<Results<Ok<DreamDto>, BadRequest<ApiError>, NotFound<ApiError>>> ChangeAsync(
        int id, System.Text.Json.JsonElement? body, DreamService dreams, MemoryService memories, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body is not { ValueKind: System.Text.Json.JsonValueKind.Object } json)
        {
            return TypedResults.BadRequest(new ApiError("The body must be a JSON object."));
        }

        var change = new DreamChange(
            Title: json.TryGetProperty("title", out var title) && title.ValueKind == System.Text.Json.JsonValueKind.String ? title.GetString() : null,
            DoneOn: json.TryGetProperty("done_on", out var done) && done.ValueKind == System.Text.Json.JsonValueKind.String ? done.GetString() : null,
            ClearDone: json.TryGetProperty("done_on", out var cleared) && cleared.ValueKind == System.Text.Json.JsonValueKind.Null,
            Position: json.TryGetProperty("position", out var position) && position.ValueKind == System.Text.Json.JsonValueKind.Number && position.TryGetInt32(out var place) ? place : null,
            MemoryId: json.TryGetProperty("memory_id", out var memory) && memory.ValueKind == System.Text.Json.JsonValueKind.Number && memory.TryGetInt32(out var memoryId) ? memoryId : null,
            ClearMemory: json.TryGetProperty("memory_id", out var unlinked) && unlinked.ValueKind == System.Text.Json.JsonValueKind.Null);
        if ((Wrong(json, "position") ?? Wrong(json, "memory_id", nullable: true)) is { } wrong)
        {
            return TypedResults.BadRequest(new ApiError($"{wrong} must be a whole number."));
        }
        var outcome = await dreams.ChangeAsync(id, change, ApiTokens.UserId(user), cancellationToken);
        return outcome switch
        {
            null => DreamNotFound(id),
            { Succeeded: true } => TypedResults.Ok(await OneAsync(dreams, memories, id, cancellationToken)),
            _ => TypedResults.BadRequest(ApiError.From(outcome.Errors)),
        };
    }

    /// <summary>The field's name when it is there but not a number (nor null, where null means "none").</summary>
    private static string? Wrong(System.Text.Json.JsonElement json, string field, bool nullable = false) =>
        json.TryGetProperty(field, out var value) && value.ValueKind != System.Text.Json.JsonValueKind.Number
            && !(nullable && value.ValueKind == System.Text.Json.JsonValueKind.Null) ? field : null;

    private static async Task<Results<Ok<MessageDto>, NotFound<ApiError>>> DeleteAsync(int id, DreamService dreams, CancellationToken cancellationToken) =>
        await dreams.DeleteAsync(id, cancellationToken) ? TypedResults.Ok(new MessageDto("Dream deleted")) : DreamNotFound(id);

    /// <summary>
    /// The list with each dream's place in it (1 is first), whatever gaps the stored positions have; a memory this
    /// request may not read (a "just us" one, for a visitor) is not named.
    /// </summary>
    private static async Task<DreamDto[]> NumberedAsync(DreamService dreams, MemoryService memories, CancellationToken cancellationToken)
    {
        var list = await dreams.ListAsync(cancellationToken);
        var readable = await memories.TitlesAsync(list.Where(d => d.MemoryId is not null).Select(d => d.MemoryId!.Value), cancellationToken);
        return list.Select((d, i) => new DreamDto(d.Id, d.Title, d.DoneOn, d.MemoryId is { } m && readable.ContainsKey(m) ? m : null, i + 1)).ToArray();
    }

    private static async Task<DreamDto> OneAsync(DreamService dreams, MemoryService memories, int id, CancellationToken cancellationToken) =>
        (await NumberedAsync(dreams, memories, cancellationToken)).Single(d => d.Id == id);

    private static NotFound<ApiError> DreamNotFound(int id) => TypedResults.NotFound(new ApiError($"No dream has the id {id}."));
}

public sealed record DreamRequest(string? Title);

public sealed record DreamDto(int Id, string Title, DateOnly? DoneOn, int? MemoryId, int Position);
