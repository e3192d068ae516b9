using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MoiAimerToi.Web.Accounts;

/// <summary>
/// Creates the admin on first start from <c>BACKEND_ADMIN_USER</c>/<c>BACKEND_ADMIN_PASS</c>
/// (or <c>Accounts:AdminUser</c>/<c>Accounts:AdminPassword</c>, which only Development sets).
/// With neither, no account is made and <c>/setup</c> asks the first visitor.
/// </summary>
public sealed class AdminSeeder(
    UserManager<AppUser> users,
    AccountState state,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<AdminSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await users.Users.AnyAsync(cancellationToken))
        {
            state.AccountExists();
            return;
        }

        var userName = configuration["BACKEND_ADMIN_USER"] ?? configuration["Accounts:AdminUser"];
        var password = configuration["BACKEND_ADMIN_PASS"] ?? configuration["Accounts:AdminPassword"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            logger.LogWarning("No account exists and no admin is configured: open /setup to create the first account.");
            return;
        }

        var result = await users.CreateAsync(AppUserFactory.FirstPartner(userName, time), password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "The configured admin account could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        logger.LogInformation("Created the admin account {UserName}.", userName);
        state.AccountExists();
    }
}
