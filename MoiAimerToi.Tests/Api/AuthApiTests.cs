using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Api;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Storage;

namespace MoiAimerToi.Tests.Api;

public class AuthApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Password = "partner password";

    private Task<CoupleData> CoupleAsync() => factory.InScopeAsync(sp => sp.GetRequiredService<CoupleService>().GetAsync());

    private Task<HttpResponseMessage> WriteHomeMessageAsync(HttpClient client, string message) =>
        client.SendAsync(HttpMethod.Put, "/api/couple-data/home-message", new { home_message = message });

    private async Task<AppUser> CreateUserAsync(string name)
    {
        return await factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            return user;
        });
    }

    private async Task ChangeUserAsync(string name, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        await factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var result = await change(users, (await users.FindByNameAsync(name))!);
            Assert.True(result.Succeeded);
            return result;
        });
    }

    /// <summary>A protected write with <paramref name="client"/> is refused with 401 JSON and leaves the data as it was.</summary>
    private async Task<string> AssertRefusedAsync(HttpClient client)
    {
        var before = await CoupleAsync();

        var response = await WriteHomeMessageAsync(client, "Written by someone who may not.");

        var error = await response.ErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(before.HomeMessage, (await CoupleAsync()).HomeMessage);
        return error;
    }

    [Fact]
    public async Task Login_Returns_Only_A_Token_Signed_With_HS256_That_Expires_In_Seven_Days()
    {
        var response = await factory.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(["token"], body.Names());
        var token = new JsonWebToken(body.GetProperty("token").GetString());
        Assert.Equal("HS256", token.Alg);
        Assert.Equal(TimeSpan.FromDays(7), token.ValidTo - token.IssuedAt);
        var admin = await factory.InScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"));
        Assert.Equal(admin!.Id, token.Subject);
    }

    [Fact]
    public async Task The_Signing_Secret_Is_64_Random_Bytes_Kept_In_The_Data_Directory()
    {
        var token = await factory.LoginAsync();

        var secret = await File.ReadAllBytesAsync(Path.Combine(factory.DataDirectory, "jwt-secret.key"));
        Assert.Equal(64, secret.Length);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(secret),
            ValidateIssuer = false,
            ValidateAudience = false,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public void A_Restart_Keeps_The_Generated_Secret_So_Tokens_Survive_It()
    {
        var running = factory.Service<ApiSigningKey>();

        var restarted = new ApiSigningKey(Options.Create(new ApiOptions()), factory.Service<DataPaths>(), NullLogger<ApiSigningKey>.Instance);

        Assert.Equal(running.Key.Key, restarted.Key.Key);
    }

    [Fact]
    public async Task A_Token_Authorizes_Writes()
    {
        var client = await factory.CreateTokenClientAsync();

        var response = await WriteHomeMessageAsync(client, "Written with a token.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Written with a token.", (await CoupleAsync()).HomeMessage);
    }

    [Theory]
    [InlineData("admin", "not-the-password")]
    [InlineData("nobody", "password")]
    public async Task Wrong_Credentials_Answer_401_With_One_Error_For_Both_Cases(string user, string password)
    {
        var response = await factory.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { username = user, password });

        Assert.Equal("Wrong user name or password.", await response.ErrorAsync(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Missing_Credentials_Answer_400_Naming_The_Fields()
    {
        var response = await factory.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { username = " " });

        Assert.Equal(["username", "password"], await response.FieldErrorsAsync());
    }

    [Fact]
    public async Task Malformed_Json_Answers_400_Saying_So()
    {
        var response = await factory.CreateApiClient().SendRawAsync(HttpMethod.Post, "/api/auth/login", "{\"username\": \"admin\", ");

        Assert.Contains("Malformed JSON", await response.ErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Repeated_Wrong_Passwords_Lock_The_Account_Even_Against_The_Right_One()
    {
        await CreateUserAsync("guessed");
        var client = factory.CreateApiClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { username = "guessed", password = "guess " + attempt });
        }

        var response = await client.PostAsJsonAsync("/api/auth/login", new { username = "guessed", password = Password });

        Assert.Contains("locked", await response.ErrorAsync(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task No_Credentials_Are_Refused()
    {
        Assert.StartsWith("Authentication required", await AssertRefusedAsync(factory.CreateApiClient()));
    }

    [Fact]
    public async Task A_Wrong_Api_Key_Is_Refused()
    {
        Assert.Equal("The API key is not valid.", await AssertRefusedAsync(factory.CreateApiClient(key: "not-the-key")));
    }

    [Fact]
    public async Task A_Token_Signed_With_Another_Key_Is_Refused()
    {
        var real = new JsonWebToken(await factory.LoginAsync());
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = real.Issuer,
            Audience = real.Audiences.Single(),
            Expires = DateTime.UtcNow.AddDays(1),
            Claims = real.Claims.Where(c => c.Type is "sub" or "name" or "stamp").ToDictionary(c => c.Type, c => (object)c.Value),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[64]), SecurityAlgorithms.HmacSha256),
        });

        Assert.StartsWith("The token is not valid", await AssertRefusedAsync(factory.CreateApiClient(token: forged)));
    }

    [Fact]
    public async Task An_Unsigned_Token_With_Alg_None_Is_Refused()
    {
        var payload = (await factory.LoginAsync()).Split('.')[1];
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));

        await AssertRefusedAsync(factory.CreateApiClient(token: $"{header}.{payload}."));
    }

    [Fact]
    public async Task A_Token_Whose_Payload_Was_Changed_Is_Refused()
    {
        var parts = (await factory.LoginAsync()).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"name\":\"admin\"", "\"name\":\"admin2\"");
        Assert.Contains("admin2", payload);

        await AssertRefusedAsync(factory.CreateApiClient(token: $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}"));
    }

    [Fact]
    public async Task An_Expired_Token_Is_Refused()
    {
        factory.Clock.Set(DateTimeOffset.UtcNow.AddDays(-8));
        var token = await factory.LoginAsync();
        factory.Clock.Set(DateTimeOffset.UtcNow);

        Assert.StartsWith("The token has expired", await AssertRefusedAsync(factory.CreateApiClient(token: token)));
    }

    [Fact]
    public async Task The_Site_Login_Cookie_Does_Not_Authorize_The_Api()
    {
        var browser = await factory.SignedInBrowserAsync();

        await AssertRefusedAsync(browser);
    }

    [Fact]
    public async Task The_Token_Of_A_Deleted_Account_Is_Refused()
    {
        await CreateUserAsync("leaving");
        var client = factory.CreateApiClient(token: await factory.LoginAsync("leaving", Password));
        Assert.Equal(HttpStatusCode.OK, (await WriteHomeMessageAsync(client, "Still here.")).StatusCode);

        await ChangeUserAsync("leaving", (users, user) => users.DeleteAsync(user));

        await AssertRefusedAsync(client);
    }

    [Fact]
    public async Task The_Token_Of_A_Renamed_Account_Is_Refused()
    {
        await CreateUserAsync("renamed");
        var client = factory.CreateApiClient(token: await factory.LoginAsync("renamed", Password));

        await ChangeUserAsync("renamed", (users, user) => users.SetUserNameAsync(user, "renamed-again"));

        await AssertRefusedAsync(client);
    }

    [Fact]
    public async Task A_Token_Stops_Working_When_The_Password_Changes()
    {
        await CreateUserAsync("careful");
        var client = factory.CreateApiClient(token: await factory.LoginAsync("careful", Password));
        Assert.Equal(HttpStatusCode.OK, (await WriteHomeMessageAsync(client, "Before the change.")).StatusCode);

        await ChangeUserAsync("careful", (users, user) => users.ChangePasswordAsync(user, Password, "a brand new password"));

        await AssertRefusedAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await WriteHomeMessageAsync(factory.CreateApiClient(token: await factory.LoginAsync("careful", "a brand new password")), "After.")).StatusCode);
    }
}
