using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MoiAimerToi.Web.Api;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: the <c>/api</c> routes only, with their credentials.</summary>
public static class ApiOpenApi
{
    public static IServiceCollection AddApiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<SecuritySchemes>();
            options.AddOperationTransformer<SecuritySchemes>();
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // ApiTimestampConverter writes strings; the generator cannot see through a converter.
                if (context.JsonTypeInfo.Type == typeof(DateTime))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Format = "date-time";
                    schema.Description = "UTC, seconds precision, no offset: 2025-01-01T12:00:00";
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>Documents <typeparamref name="T"/> as the body of one of the content types a route accepts.</summary>
    public static RouteHandlerBuilder WithBodySchema<T>(this RouteHandlerBuilder builder, string contentType) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            if (operation.RequestBody?.Content is { } content)
            {
                content[contentType] = new OpenApiMediaType { Schema = await context.GetOrCreateSchemaAsync(typeof(T), cancellationToken: cancellationToken) };
            }
        });

    /// <summary>
    /// A multipart body, for the document only: routing then takes any body, so that whoever may not write gets 401 or
    /// 403 whatever they sent, and the handler answers the rest.
    /// </summary>
    public static RouteHandlerBuilder WithMultipartBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), cancellationToken: cancellationToken) },
                },
            };
        });

    private sealed class SecuritySchemes : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiAuthentication.BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The token from POST /api/auth/login.",
            };
            document.Components.SecuritySchemes[ApiAuthentication.ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyHandler.HeaderName,
                Description = "Only when the server has an API key configured.",
            };
            return Task.CompletedTask;
        }

        public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            var requiresCredentials = context.Description.ActionDescriptor.EndpointMetadata
                .OfType<IAuthorizeData>()
                .Any(a => a.Policy == ApiAuthentication.EditorPolicy);
            if (requiresCredentials)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiAuthentication.BearerScheme, context.Document)] = [] });
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiAuthentication.ApiKeyScheme, context.Document)] = [] });
            }

            return Task.CompletedTask;
        }
    }
}
