using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Hosting;

public sealed class LowLoginLimit : AppFactory
{
    public LowLoginLimit() => Settings["RateLimits:LoginPerMinute"] = "3";
}

public class LoginRateLimitTests(LowLoginLimit factory) : IClassFixture<LowLoginLimit>
{
    [Fact]
    public async Task Too_Many_Sign_In_Attempts_Get_A_429_With_Retry_After_But_The_Form_Still_Loads()
    {
        var client = factory.CreateBrowser();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(password: "wrong" + i)).StatusCode);
        }

        var throttled = await client.SignInAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(int.Parse(throttled.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
    }
}

public class ApiLoginRateLimitTests(LowLoginLimit factory) : IClassFixture<LowLoginLimit>
{
    [Fact]
    public async Task Too_Many_Api_Logins_Get_A_Json_429_With_Retry_After()
    {
        var client = factory.CreateClient();
        HttpResponseMessage response = null!;
        for (var i = 0; i < 4; i++)
        {
            response = await client.PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new { username = "admin", password = "wrong" + i }));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) > 0);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("error").GetString()));
    }
}

public sealed class LowUploadLimit : AppFactory
{
    public LowUploadLimit()
    {
        Settings["RateLimits:UploadsPerMinute"] = "2";
        Settings["RateLimits:AccountUploadsPerMinute"] = "4";
    }
}

public class UploadRateLimitTests(LowUploadLimit factory) : IClassFixture<LowUploadLimit>
{
    [Fact]
    public async Task Uploads_Count_Per_Account_For_Accounts_And_Per_Address_For_Strangers_With_A_429_And_Retry_After()
    {
        // A stranger (no account) is held by the per-address limit, even though every try is refused anyway.
        using var stranger = factory.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var form = Api.MemoryPhotosApiTests.PhotoForm(Photos.TestImages.Jpeg(32, 32));
            codes.Add((await stranger.PutAsync("/api/memories/999", form)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, codes[^1]);

        // An account (here the key) from the same address is not: it has its own, larger budget.
        var api = Api.ApiClient.CreateKeyClient(factory);
        HttpResponseMessage response = null!;
        for (var i = 0; i < 5; i++)
        {
            using var form = Api.MemoryPhotosApiTests.PhotoForm(Photos.TestImages.Jpeg(32, 32));
            response = await api.PutAsync("/api/memories/999", form);
            if (i < 4)
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.Contains("Retry-After"));

        // A signed-in partner's page uploads count on their account.
        var browser = await factory.SignedInBrowserAsync();
        var page = await browser.GetPageAsync("/memories");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await browser.SubmitAsync(page.Form("#memory-new form"), new Dictionary<string, string> { ["Input.Title"] = "Encore" })).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..4]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[4]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/memories")).StatusCode);
    }
}
