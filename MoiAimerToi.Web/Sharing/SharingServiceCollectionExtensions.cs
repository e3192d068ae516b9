using Microsoft.AspNetCore.Identity;

namespace MoiAimerToi.Web.Sharing;

public static class SharingServiceCollectionExtensions
{
    public static IServiceCollection AddSharing(this IServiceCollection services) =>
        services.AddScoped<ShareLinkService>().AddScoped<SharedAccess>().AddSingleton<IPasswordHasher<ShareLink>, PasswordHasher<ShareLink>>();
}
