using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Reminders;

namespace MoiAimerToi.Tests.Durability;

/// <summary>kill -9 while a reminder is being handed to the mail server: after the restart it is not sent again, and the next one goes.</summary>
public sealed class ReminderCrashTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "moiaimertoi-tests", "reminder-crash-" + Guid.NewGuid().ToString("N"));

    [SmtpFact]
    public async Task Killing_The_Server_Mid_Send_Never_Sends_That_Reminder_Twice_And_The_Next_One_Goes_After_The_Restart()
    {
        var paris = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));
        await using var hanging = await SmtpServer.StartAsync(SmtpBehaviour.KeepAndHang);
        await using (var server = await ServerProcess.StartAsync(_data, Environment(hanging.Port, timeoutSeconds: 600)))
        {
            using var client = server.CreateClient();
            using (var api = await server.CreateApiClientAsync())
            {
                // Due at once: both are less than seven days ahead.
                await api.PostAsJsonAsync("/api/dates", new { title = "Le premier", date = paris.AddDays(2).ToString("yyyy-MM-dd"), yearly = false });
                await api.PostAsJsonAsync("/api/dates", new { title = "Le second", date = paris.AddDays(3).ToString("yyyy-MM-dd"), yearly = false });
            }

            await client.SignInAsync();
            await client.ChooseAsync("camille@example.org", dates: "7");
            // The server has the first message and will never say it took it: the site waits, mid-send.
            Assert.Contains("Le premier", Assert.Single(await hanging.WaitForAsync(1, "the first reminder reached the server")).Subject);
            await server.KillAsync();
        }

        Assert.Equal(["Sending", "Waiting"], await StatesAsync());

        await using var smtp = await SmtpServer.StartAsync();
        await using var restarted = await ServerProcess.StartAsync(_data, Environment(smtp.Port, timeoutSeconds: 10));
        var received = await smtp.WaitForAsync(1, "the second reminder, after the restart");
        Assert.Contains("Le second", Assert.Single(received).Subject);
        await Eventually.TrueAsync(async () => (await StatesAsync()).SequenceEqual(["Unconfirmed", "Sent"]), "the first unconfirmed, the second sent");
        Assert.Single(smtp.Received());
        Assert.Single(hanging.Received());
    }

    /// <summary>The real clock: reminders go out at any hour here.</summary>
    private static Dictionary<string, string> Environment(int port, int timeoutSeconds) =>
        SmtpServer.For(port, timeoutSeconds).Append(new("Smtp:SendFromHour", "0")).ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!);

    private async Task<List<string>> StatesAsync()
    {
        var rows = await TestDatabase.RowsAsync(_data, "SELECT \"State\" FROM \"Reminders\" ORDER BY \"OccasionOn\"");
        return rows.Select(row => (string)row[0]!).ToList();
    }


    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
