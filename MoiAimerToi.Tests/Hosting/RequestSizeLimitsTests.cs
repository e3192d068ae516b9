using System.Net;
using MoiAimerToi.Tests.Api;
using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Hosting;

public sealed class SmallImportLimitSite : AppFactory
{
    public SmallImportLimitSite() => Settings["Transfer:MaxImportBytes"] = "30000";
}

public class RequestSizeLimitsTests(SmallImportLimitSite factory) : IClassFixture<SmallImportLimitSite>
{
    [Fact]
    public async Task An_Import_Page_Upload_Over_The_Limit_Gets_A_Page_Saying_The_File_Is_Too_Large()
    {
        var couple = await factory.SignedInBrowserAsync();
        var panel = await couple.GetPageAsync("/data?handler=ConfirmImport");
        var before = await couple.GetStringAsync("/api/memories");

        var response = await couple.SubmitWithFileAsync(panel.Form("form.import-form"), "Input.File", new byte[200_000], "trop.zip",
            new Dictionary<string, string> { ["Input.Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Fichier trop volumineux", (await Html.ParseAsync(response)).Text("h1"));
        Assert.Equal(before, await couple.GetStringAsync("/api/memories"));
    }
}

/// <summary>The real server, which refuses a body while it is read, when no length was declared.</summary>
public sealed class RequestSizeLimitsServerTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", Guid.NewGuid().ToString("N"));
    private ServerProcess? _server;

    public async Task InitializeAsync() =>
        _server = await ServerProcess.StartAsync(_data, new Dictionary<string, string> { ["Api__MaxRequestBodySize"] = "10000" });

    [Fact]
    public async Task A_Chunked_Body_Over_The_Routes_Limit_Answers_413_Json_Naming_The_Limit()
    {
        using var client = _server!.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-KEY", "dev-key");
        var created = await client.PostAsync("/api/memories", Json("""{"title": "Plage"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var photo = new MultipartFormDataContent { { new StreamContent(new UnknownLength(new byte[50_000])), "photo", "plage.jpg" } };

        var response = await client.PutAsync(created.Headers.Location, photo);

        Assert.Contains("limit of 9.8 KB", await response.ErrorAsync(HttpStatusCode.RequestEntityTooLarge));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    /// <summary>A stream that hides its length, so the client sends it chunked.</summary>
    private sealed class UnknownLength(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
