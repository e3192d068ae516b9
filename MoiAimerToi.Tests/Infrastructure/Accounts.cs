using System.Net;

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

    public static async Task<HttpClient> SignedInBrowserAsync(this AppFactory factory)
    {
        var client = factory.CreateBrowser();
        var response = await client.SignInAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
