using MoiAimerToi.Tests.Infrastructure;

namespace MoiAimerToi.Tests.Hosting;

public class LoggingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Logs_Never_Contain_Passwords_Or_Cookies_Even_At_Trace_Level()
    {
        var client = factory.CreateBrowser();
        const string wrongPassword = "wrong-Secret-4711";
        await client.SignInAsync(password: wrongPassword);
        var signedIn = await client.SignInAsync();
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("moiaimertoi.auth=")).Split(';')[0].Split('=', 2)[1];
        await client.GetPageAsync("/");

        Assert.NotEmpty(factory.Logs.Lines);
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(wrongPassword));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains("Input.Password=password"));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(cookie[..40]));
    }
}

public class AccessLogTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private IEnumerable<string> AccessLines => factory.Logs.Lines.Where(line => line.Contains("HttpLoggingMiddleware", StringComparison.Ordinal));

    [Fact]
    public async Task Each_Request_Gets_One_Short_Line_With_Its_Method_Path_Status_And_Duration_But_Not_Its_Query()
    {
        await factory.CreateBrowser().GetAsync("/memories?q=un-secret-cherche");

        var line = Assert.Single(AccessLines, l => l.Contains("/memories", StringComparison.Ordinal));
        Assert.Contains("GET", line);
        Assert.Contains("200", line);
        Assert.Contains("Duration", line);
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains("un-secret-cherche", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/s/Zm9yIHlvdXIgZXllcyBvbmx5", "/s/…")]
    [InlineData("/invite/c2VjcmV0LWludml0ZQ", "/invite/…")]
    [InlineData("/calendar/ZmVlZC1zZWNyZXQ.ics", "/calendar/…")]
    [InlineData("/api/invites/c2VjcmV0LWFwaS1pbnZpdGU/accept", "/api/invites/…")]
    public async Task A_Path_That_Is_A_Secret_Shows_Only_Its_First_Segment(string path, string shown)
    {
        await factory.CreateBrowser().GetAsync(path);

        Assert.Contains(AccessLines, l => l.Contains(shown, StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains(path.Split('/').MaxBy(segment => segment.Length)!, StringComparison.Ordinal));
    }
}

public class ProductionLoggingTests(ProductionAppFactory factory) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public void Outside_Development_The_Console_Writes_Json()
    {
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>>();

        Assert.Equal("json", options.CurrentValue.FormatterName);
    }
}
