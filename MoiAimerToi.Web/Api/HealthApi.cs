using Microsoft.AspNetCore.Http.HttpResults;

namespace MoiAimerToi.Web.Api;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup("/api/health", "Health")
            .MapGet("", Get)
            .WithName("GetHealth")
            .AllowAnonymous();
        return endpoints;
    }

    private static Ok<HealthDto> Get() => TypedResults.Ok(new HealthDto("ok"));
}

public sealed record HealthDto(string Status);
