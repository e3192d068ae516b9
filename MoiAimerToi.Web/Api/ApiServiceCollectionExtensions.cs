using System.Text.Json;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Data;
using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Api;

public static class ApiServiceCollectionExtensions
{
    public const string CorsPolicy = "Api";

    public static IServiceCollection AddAppApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.Section)
            .Configure<IConfiguration>((options, configuration) => ApiOptions.ApplyCompatibilityVariables(options, configuration))
            .Validate(o => o.HasStrongEnoughSecret, $"BACKEND_JWT_SECRET (or Api:JwtSecret) must be at least {ApiOptions.MinimumSecretBytes} bytes long.")
            .Validate<IOptions<DatabaseOptions>, IHostEnvironment>(
                (o, database, environment) => o.JwtSecret is not null || !database.Value.IsPostgres || environment.IsDevelopment(),
                "On PostgreSQL, BACKEND_JWT_SECRET (or Api:JwtSecret) must be set: instances sharing the database must sign API tokens with one secret, not each their own.")
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "Api:TokenLifetime must be positive.")
            .Validate(o => o.MaxRequestBodySize > 0, "Api:MaxRequestBodySize must be positive.")
            .ValidateOnStart();

        services.AddApiAuthentication();

        // Minimal API routes serve only /api, so these JSON settings are the API's alone (pages use MVC's).
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.Converters.Add(new ApiTimestampConverter());
        });

        // Bad JSON then throws, so ApiErrorsMiddleware can say what is wrong with it.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddCors();
        services.AddOptions<CorsOrigins>()
            .BindConfiguration(CorsOrigins.Section)
            .Validate(o => o.Origins.All(CorsOrigins.IsOrigin), "Cors:Origins must each be a scheme, host and optional port, such as https://example.org.")
            .ValidateOnStart();
        services.AddOptions<CorsOptions>().Configure<IOptions<CorsOrigins>>((options, allowed) =>
            options.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(allowed.Value.Origins.Where(o => !string.IsNullOrWhiteSpace(o)).ToArray())
                .WithHeaders("Authorization", ApiKeyHandler.HeaderName, "Content-Type")
                .WithMethods("GET", "HEAD", "POST", "PUT", "DELETE")));

        services.AddApiOpenApi();
        return services;
    }

    /// <summary>Goes right after the status code pages: it turns them off for <c>/api</c> and answers JSON instead.</summary>
    public static IApplicationBuilder UseAppApi(this IApplicationBuilder app)
    {
        // Generate the token secret at start, not on the first API call.
        _ = app.ApplicationServices.GetRequiredService<ApiSigningKey>();
        return app.UseMiddleware<ApiErrorsMiddleware>();
    }

    /// <summary>
    /// A group under <c>/api</c>: CORS for the configured origins, no antiforgery (no cookie is accepted), and
    /// bodies up to <see cref="ApiOptions.MaxRequestBodySize"/> unless a route says otherwise.
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints, string prefix, string tag) =>
        endpoints.MapGroup(prefix)
            .RequireCors(CorsPolicy)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(endpoints.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodySize))
            .AnswerHeadLikeGet()
            .RequireAuthorization(ApiAuthentication.ReaderPolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                // Whom the answer is for, as the API's credentials say (a partner's token sees "just us" memories).
                var http = context.HttpContext;
                var principal = await ApiAuthentication.PrincipalAsync(http);
                http.RequestServices.GetRequiredService<Audience>().Is(principal);
                if (principal.Identity?.IsAuthenticated == true)
                {
                    // An answer for a token or the key is theirs alone: no shared cache keeps it.
                    http.Response.Headers.CacheControl = "private, no-store";
                }

                return await next(context);
            })
            .WithTags(tag);
}
