using System.Net;
using Microsoft.AspNetCore.Identity;
using MoiAimerToi.Web.Accounts;

namespace MoiAimerToi.Tests.Infrastructure;

public static class Accounts
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "password";

    /// <summary>Signs in through the real login form and returns the response to the POST.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string user = AdminUser, string password = AdminPassword)
    {
        var login = await client.GetPageAsync("/login");
        return await client.SubmitAsync(login.Form("form[action^='/login']"), new Dictionary<string, string>
        {
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        });
    }

    /// <summary>An account made directly (as an accepted invitation makes it), with the password <c>password-{userName}</c>.</summary>
    public static Task<AppUser> CreateAccountAsync(this AppFactory factory, string userName, AccountRole role, int? perspectiveNumber = null, string? displayName = null) =>
        factory.InScopeAsync(async sp =>
        {
            var user = AppUserFactory.New(userName, displayName ?? userName, role, perspectiveNumber, TimeProvider.System);
            var result = await sp.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, PasswordOf(userName));
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            return user;
        });

    public static string PasswordOf(string userName) => userName == AdminUser ? AdminPassword : "password-" + userName;

    public static async Task<HttpClient> SignedInBrowserAsync(this AppFactory factory, string user = AdminUser)
    {
        var client = factory.CreateBrowser();
        var response = await client.SignInAsync(user, PasswordOf(user));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
