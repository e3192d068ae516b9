using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Api;

/// <summary>Calls the API as a script would: JSON in and out, a bearer token or an API key, no cookies.</summary>
public static class ApiClient
{
    public const string DevelopmentKey = "dev-key";

    public static HttpClient CreateApiClient(this AppFactory factory, string? token = null, string? key = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-KEY", key);
        }

        return client;
    }

    public static HttpClient CreateKeyClient(this AppFactory factory) => factory.CreateApiClient(key: DevelopmentKey);

    public static async Task<string> LoginAsync(this AppFactory factory, string user = Infrastructure.Accounts.AdminUser, string password = Infrastructure.Accounts.AdminPassword)
    {
        var response = await factory.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { username = user, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("token").GetString()!;
    }

    public static async Task<HttpClient> CreateTokenClientAsync(this AppFactory factory, string user = Infrastructure.Accounts.AdminUser) =>
        factory.CreateApiClient(token: await factory.LoginAsync(user, Infrastructure.Accounts.PasswordOf(user)));

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, object? body = null) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string body, string contentType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    /// <summary>The body as JSON, after checking that it is declared as JSON.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the status and a JSON body with a readable <c>error</c>, and returns that error.</summary>
    public static async Task<string> ErrorAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(error));
        return error!;
    }

    /// <summary>The snake_case fields named by an invalid-field answer.</summary>
    public static async Task<string[]> FieldErrorsAsync(this HttpResponseMessage response)
    {
        await response.ErrorAsync(HttpStatusCode.BadRequest);
        return (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
    }

    public static string[] Names(this JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>A timestamp as the contract writes it: UTC, seconds, no offset.</summary>
    public static DateTime Timestamp(this JsonElement element) =>
        DateTime.ParseExact(element.GetString()!, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateOnly Date(this JsonElement element) =>
        DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
