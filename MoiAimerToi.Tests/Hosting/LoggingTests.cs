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
