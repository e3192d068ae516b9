using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MoiAimerToi.Web.Api;
using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Web.Transfer;

public static class TransferServiceCollectionExtensions
{
    /// <summary>Mapped by <c>TransferApi</c>.</summary>
    public const string ImportApiPath = "/api/import";
    public const string DataPage = "/Data/Index";

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

        // An import is the one request allowed to be this large, on the API and on its page.
        services.AddOptions<ApiOptions>().Configure<IOptions<TransferOptions>>((api, transfer) =>
            api.LargerBodyLimits[ImportApiPath] = transfer.Value.MaxImportBytes + FormOverhead);
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<TransferOptions>>((pages, transfer) =>
            pages.Conventions.AddPageApplicationModelConvention(DataPage, model =>
            {
                model.Filters.Add(new RequestSizeLimitAttribute(transfer.Value.MaxImportBytes + FormOverhead));
                model.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = transfer.Value.MaxImportBytes + FormOverhead });
                model.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.Uploads));
            }));
        return services;
    }
}
