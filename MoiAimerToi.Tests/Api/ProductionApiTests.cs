using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Api;

public class ProductionApiTests(ProductionAppFactory factory) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task The_Development_Api_Key_Does_Not_Work_And_Changes_Nothing()
    {
        var before = await (await factory.CreateApiClient().GetAsync("/api/couple-data")).JsonAsync();

        var response = await factory.CreateApiClient(key: ApiClient.DevelopmentKey)
            .SendAsync(HttpMethod.Put, "/api/couple-data/intro", new { intro_text = "Hacked" });

        Assert.StartsWith("Authentication required", await response.ErrorAsync(HttpStatusCode.Unauthorized));
        var after = await (await factory.CreateApiClient().GetAsync("/api/couple-data")).JsonAsync();
        Assert.Equal(before.GetProperty("intro_text").GetString(), after.GetProperty("intro_text").GetString());
    }

    [Fact]
    public async Task The_Development_Account_Does_Not_Exist()
    {
        var response = await factory.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "password" });

        await response.ErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_Configured_Admin_Gets_A_Token_Signed_With_BACKEND_JWT_SECRET_And_No_Secret_File_Is_Made()
    {
        var token = await factory.LoginAsync(ProductionAppFactory.AdminUser, ProductionAppFactory.AdminPassword);

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ProductionAppFactory.JwtSecret)),
            ValidateIssuer = false,
            ValidateAudience = false,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "jwt-secret.key")));
        var write = await factory.CreateApiClient(token: token).SendAsync(HttpMethod.Put, "/api/couple-data/intro", new { intro_text = "Written in production." });
        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
    }

    [Fact]
    public void A_Short_BACKEND_JWT_SECRET_Stops_The_Site_From_Starting()
    {
        using var weak = new ProductionAppFactory();
        weak.Settings["BACKEND_JWT_SECRET"] = "secret";

        var error = Assert.ThrowsAny<Exception>(() => weak.CreateClient());

        Assert.Contains("BACKEND_JWT_SECRET", error.Message);
    }

    [Fact]
    public async Task No_Origin_Is_Allowed_By_Default()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/memories")
        {
            Headers = { { "Origin", "http://localhost:8000" }, { "Access-Control-Request-Method", "POST" } },
        };

        var response = await factory.CreateApiClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Errors_Are_Json_In_Production_Too()
    {
        var client = factory.CreateApiClient();

        await (await client.GetAsync("/api/nothing-here")).ErrorAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/memories/424242")).ErrorAsync(HttpStatusCode.NotFound);
        Assert.Contains("Malformed JSON", await (await client.SendRawAsync(HttpMethod.Post, "/api/auth/login", "{")).ErrorAsync(HttpStatusCode.BadRequest));
    }
}

public class ProductionApiKeyTests(ProductionWithKeyAppFactory factory) : IClassFixture<ProductionWithKeyAppFactory>
{
    [Fact]
    public async Task The_Operators_Key_Works_And_No_Other()
    {
        var allowed = await factory.CreateApiClient(key: ProductionWithKeyAppFactory.ApiKey)
            .SendAsync(HttpMethod.Put, "/api/couple-data/home-message", new { home_message = "Set with the key." });
        var refused = await factory.CreateApiClient(key: ApiClient.DevelopmentKey)
            .SendAsync(HttpMethod.Put, "/api/couple-data/home-message", new { home_message = "Hacked" });

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("The API key is not valid.", await refused.ErrorAsync(HttpStatusCode.Unauthorized));
        var couple = await (await factory.CreateApiClient().GetAsync("/api/couple-data")).JsonAsync();
        Assert.Equal("Set with the key.", couple.GetProperty("home_message").GetString());
    }
}
