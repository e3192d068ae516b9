namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>For what the app does in the background: checks again every 50 ms, for up to 10 s.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string because)
    {
        for (var tries = 0; tries < 200; tries++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Still false after 10 s: {because}");
    }
}
