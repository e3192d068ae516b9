namespace MoiAimerToi.Tests.Infrastructure;

/// <summary>For what the app does in the background: checks again every 50 ms, for up to 10 s.</summary>
public static class Eventually
{
    public static Task TrueAsync(Func<Task<bool>> condition, string because) => TrueAsync(condition, because, TimeSpan.FromSeconds(10));

    /// <summary>For slower work (a video's transcode): checks every 50 ms for up to <paramref name="timeout"/>.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan timeout)
    {
        for (var tries = 0; tries < timeout.TotalMilliseconds / 50; tries++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Still false after {timeout.TotalSeconds:0} s: {because}");
    }
}
