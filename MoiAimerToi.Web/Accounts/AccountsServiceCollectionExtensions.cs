using Htmx;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using MoiAimerToi.Web.Data;

namespace MoiAimerToi.Web.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>The sign-in cookie; the output cache, which runs before authentication, looks for it by name.</summary>
    public const string SignInCookieName = "moiaimertoi.auth";

    public static IServiceCollection AddAppIdentity(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services
            .AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Length over composition rules: a long pass phrase beats "P@ssw0rd".
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.SignIn.RequireConfirmedAccount = false;
                // Version 3 adds the passkeys' table.
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppClaims.Factory>()
            .AddDefaultTokenProviders();

        // Signing in with a passkey asks for no user name: the device must keep the passkey (a "discoverable" one).
        services.Configure<IdentityPasskeyOptions>(options => options.ResidentKeyRequirement = "required");

        // A removed account, a changed password or role ends the sign-in within a minute, not Identity's default 30.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = SignInCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            options.AccessDeniedPath = "/login";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(30);
            // A cookie made before accounts had roles says nothing of its role: sign in again. Every other cookie goes
            // through Identity's own check, which this event replaces unless called: the account still exists, with the
            // same security stamp (a changed password, a removed guest), and its claims as they are now.
            options.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal?.Identity?.IsAuthenticated == true && !context.Principal.HasClaim(c => c.Type == AppClaims.Role))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
            // Signed in but not allowed (a guest posting an edit): 403, with the error page, not the sign-in form again.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.IsHtmx())
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Htmx(h => h.Redirect(context.RedirectUri));
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Member, policy => policy.RequireAssertion(context => AppClaims.IsMember(context.User)))
            .AddPolicy(Policies.Editor, policy => policy.RequireAssertion(context => AppClaims.IsPartner(context.User)));

        services.AddSingleton<AccountState>();
        services.AddScoped<AdminSeeder>();
        services.AddScoped<FirstAccountService>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<Viewer>();
        services.AddScoped<Audience>();
        services.AddScoped<Partners>();
        services.AddScoped<InviteService>();
        services.AddScoped<PasskeyService>();
        services.AddScoped<ResetLinks>();
        services.AddScoped<AccountRemoval>();
        services.AddHttpContextAccessor();
        services.AddScoped<ViewerPageFilter>();
        return services;
    }
}
