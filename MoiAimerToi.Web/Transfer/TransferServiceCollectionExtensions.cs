using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MoiAimerToi.Web.Transfer;

/// <summary>Marks the page or route that receives a whole import, whose limits then come from <see cref="TransferOptions"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AcceptsImportAttribute : Attribute;

public static class TransferServiceCollectionExtensions
{
    /// <summary>Multipart boundaries, the antiforgery token and the confirmation box, on top of the ZIP itself.</summary>
    private const long FormOverhead = 64 * 1024;

    public static IServiceCollection AddTransfer(this IServiceCollection services)
    {
        services.AddOptions<TransferOptions>()
            .BindConfiguration(TransferOptions.Section)
            .Validate(o => o.MaxImportBytes > 0 && o.MaxEntryBytes > 0 && o.MaxTotalBytes > 0, "Transfer limits must be more than 0.")
            .Validate(o => o.MaxEntries > 0 && o.MaxCompressionRatio > 0, "Transfer:MaxEntries and Transfer:MaxCompressionRatio must be more than 0.")
            .ValidateOnStart();
        services.AddScoped<ExportService>();
        services.AddScoped<ContentReplacer>();
        services.AddScoped<RestoreService>();
        services.AddScoped<LegacyImportService>();
        services.AddScoped<ImportService>();
        services.AddSingleton<SiteMove>();
        return services;
    }

    /// <summary>
    /// The endpoints marked <see cref="AcceptsImportAttribute"/> (the data page, <c>POST /api/import</c>) take a body
    /// as large as <see cref="TransferOptions.MaxImportBytes"/>, the one request allowed to be this large; the form
    /// reader gets no limit of its own, so that too large is always the body's 413.
    /// </summary>
    public static TBuilder WithImportLimits<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<AcceptsImportAttribute>().Any())
            {
                var limit = endpoint.ApplicationServices.GetRequiredService<IOptions<TransferOptions>>().Value.MaxImportBytes + FormOverhead;
                endpoint.Metadata.Add(new RequestSizeLimitAttribute(limit));
                endpoint.Metadata.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = long.MaxValue });
            }
        });
        return builder;
    }
}
