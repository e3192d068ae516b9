using System.Globalization;
using System.Net;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Web.Couple;

namespace MoiAimerToi.Tests.Api;

public class CoupleApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] CoupleFields = ["id", "start_date", "home_message", "intro_text"];

    private Task<CoupleData> CoupleAsync() => factory.InScopeAsync(sp => sp.GetRequiredService<CoupleService>().GetAsync());

    private static async Task AssertIsCoupleAsync(HttpResponseMessage response, CoupleData expected)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(CoupleFields, body.Names());
        Assert.Equal(1, body.GetProperty("id").GetInt32());
        Assert.Equal(expected.StartDate, body.GetProperty("start_date").Date());
        Assert.Equal(expected.HomeMessage, body.GetProperty("home_message").GetString());
        Assert.Equal(expected.IntroText, body.GetProperty("intro_text").GetString());
    }

    [Fact]
    public async Task Get_Returns_The_Couple_Data_In_Snake_Case_Without_Credentials()
    {
        var response = await factory.CreateApiClient().GetAsync("/api/couple-data");

        await AssertIsCoupleAsync(response, await CoupleAsync());
    }

    [Fact]
    public async Task Put_StartDate_Saves_It_And_Returns_The_Whole_Object()
    {
        var response = await factory.CreateKeyClient().SendAsync(HttpMethod.Put, "/api/couple-data/start-date", new { start_date = "2019-02-14" });

        var saved = await CoupleAsync();
        Assert.Equal(new DateOnly(2019, 2, 14), saved.StartDate);
        await AssertIsCoupleAsync(response, saved);
    }

    [Theory]
    [InlineData("2999-01-01")]
    [InlineData("14/02/2019")]
    [InlineData("2019-02-30")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Put_StartDate_Refuses_A_Date_That_Is_Not_YYYY_MM_DD_Or_Lies_In_The_Future(string? date)
    {
        var before = await CoupleAsync();

        var response = await factory.CreateKeyClient().SendAsync(HttpMethod.Put, "/api/couple-data/start-date", new { start_date = date });

        Assert.Equal(["start_date"], await response.FieldErrorsAsync());
        Assert.Equal(before.StartDate, (await CoupleAsync()).StartDate);
    }

    [Fact]
    public async Task Tomorrow_In_The_Couples_Time_Zone_Is_In_The_Future()
    {
        var tomorrow = factory.Service<CoupleClock>().Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await factory.CreateKeyClient().SendAsync(HttpMethod.Put, "/api/couple-data/start-date", new { start_date = tomorrow });

        Assert.Equal("Start date cannot be in the future.", await response.ErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Put_HomeMessage_Saves_It_And_Returns_The_Whole_Object()
    {
        var response = await factory.CreateKeyClient().SendAsync(HttpMethod.Put, "/api/couple-data/home-message", new { home_message = "  Bienvenue !  " });

        var saved = await CoupleAsync();
        Assert.Equal("Bienvenue !", saved.HomeMessage);
        await AssertIsCoupleAsync(response, saved);
    }

    [Fact]
    public async Task Put_Intro_Saves_It_And_Returns_The_Whole_Object()
    {
        var response = await factory.CreateKeyClient().SendAsync(HttpMethod.Put, "/api/couple-data/intro", new { intro_text = "We met on a train." });

        var saved = await CoupleAsync();
        Assert.Equal("We met on a train.", saved.IntroText);
        await AssertIsCoupleAsync(response, saved);
    }

    [Fact]
    public async Task A_Text_Left_Out_Or_Too_Long_Is_Named()
    {
        var client = factory.CreateKeyClient();

        Assert.Equal(["intro_text"], await (await client.SendAsync(HttpMethod.Put, "/api/couple-data/intro", new { })).FieldErrorsAsync());
        var tooLong = new string('a', CoupleData.HomeMessageMaxLength + 1);
        var response = await client.SendAsync(HttpMethod.Put, "/api/couple-data/home-message", new { home_message = tooLong });
        Assert.Equal(["home_message"], await response.FieldErrorsAsync());
        Assert.NotEqual(tooLong, (await CoupleAsync()).HomeMessage);
    }

    [Fact]
    public async Task Malformed_Json_Answers_400_Saying_So()
    {
        var response = await factory.CreateKeyClient().SendRawAsync(HttpMethod.Put, "/api/couple-data/intro", "{intro_text: 'single quotes'}");

        Assert.Contains("Malformed JSON", await response.ErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_Field_Of_The_Wrong_Type_Is_Named()
    {
        var response = await factory.CreateKeyClient().SendRawAsync(HttpMethod.Put, "/api/couple-data/start-date", "{\"start_date\": [2019, 2, 14]}");

        Assert.Contains("start_date", await response.ErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_Body_That_Is_Not_Json_Answers_415()
    {
        var response = await factory.CreateKeyClient().SendRawAsync(HttpMethod.Put, "/api/couple-data/intro", "intro_text=hello", "application/x-www-form-urlencoded");

        Assert.Contains("application/json", await response.ErrorAsync(HttpStatusCode.UnsupportedMediaType));
    }

    [Theory]
    [InlineData("/api/couple-data/start-date", "start_date", "2020-01-01")]
    [InlineData("/api/couple-data/home-message", "home_message", "Hacked")]
    [InlineData("/api/couple-data/intro", "intro_text", "Hacked")]
    public async Task Writes_Without_Credentials_Answer_401_And_Change_Nothing(string url, string field, string value)
    {
        var before = await CoupleAsync();

        var response = await factory.CreateApiClient().SendAsync(HttpMethod.Put, url, new Dictionary<string, string> { [field] = value });

        await response.ErrorAsync(HttpStatusCode.Unauthorized);
        var after = await CoupleAsync();
        Assert.Equal((before.StartDate, before.HomeMessage, before.IntroText), (after.StartDate, after.HomeMessage, after.IntroText));
    }

    [Fact]
    public async Task A_Method_The_Route_Does_Not_Have_Answers_405_Json()
    {
        var response = await factory.CreateKeyClient().DeleteAsync("/api/couple-data");

        Assert.Contains("DELETE", await response.ErrorAsync(HttpStatusCode.MethodNotAllowed));
    }

    [Fact]
    public async Task Errors_Are_In_French_When_The_Client_Asks_For_It()
    {
        var client = factory.CreateKeyClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var response = await client.SendAsync(HttpMethod.Put, "/api/couple-data/start-date", new { start_date = "2999-01-01" });

        Assert.Equal("Date de début ne peut pas être dans le futur.", await response.ErrorAsync(HttpStatusCode.BadRequest));
    }
}
