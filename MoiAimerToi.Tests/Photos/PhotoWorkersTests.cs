using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Tests.Photos;

public sealed class PhotoWorkersTests : IDisposable
{
    private readonly PhotoWorkers _workers = new(count: 2, TimeProvider.System, whenQuiet: () => { });

    [Fact]
    public async Task Photo_Work_Runs_On_Its_Own_Threads_Not_On_The_Pool_Where_Pages_Run()
    {
        var (pooled, name) = await _workers.RunAsync(() => (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name), CancellationToken.None);

        Assert.False(pooled);
        Assert.StartsWith("Photo worker", name);
    }

    [Fact]
    public async Task Photo_Work_Runs_At_A_Lower_Priority_So_Requests_Get_The_Cores_First()
    {
        if (OperatingSystem.IsLinux())
        {
            var workerNice = await _workers.RunAsync(CurrentThreadNice, CancellationToken.None);
            Assert.Equal(Math.Min(19, CurrentThreadNice() + 10), workerNice);
        }
        else
        {
            Assert.Equal(ThreadPriority.BelowNormal, await _workers.RunAsync(() => Thread.CurrentThread.Priority, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Callers_Carry_On_At_Their_Own_Priority_However_Many_Jobs_End()
    {
        // A pool thread started by a niced worker would be niced too, and so would every request it then serves.
        var own = Priority();
        var afterwards = await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            await _workers.RunAsync(() => i, CancellationToken.None);
            return Priority();
        }));

        Assert.All(afterwards, priority => Assert.Equal(own, priority));
    }

    [Fact]
    public async Task A_Failing_Job_Fails_Its_Caller_And_The_Worker_Goes_On()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _workers.RunAsync<int>(() => throw new InvalidOperationException(), CancellationToken.None));

        Assert.Equal(42, await _workers.RunAsync(() => 42, CancellationToken.None));
    }

    [Fact]
    public async Task A_Job_Cancelled_While_It_Waits_Never_Starts()
    {
        using var blocker = new ManualResetEventSlim();
        var busy = Enumerable.Range(0, 2).Select(_ => _workers.RunAsync(() => blocker.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None)).ToArray();
        using var cancellation = new CancellationTokenSource();
        var started = false;
        var waiting = _workers.RunAsync(() => started = true, cancellation.Token);

        await cancellation.CancelAsync();
        blocker.Set();
        await Task.WhenAll(busy);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.False(started);
    }

    [Fact]
    public async Task The_Tidy_Up_Runs_Once_Photo_Work_Has_Been_Quiet_And_Never_Without_Work()
    {
        using var tidied = new SemaphoreSlim(0);
        using var workers = new PhotoWorkers(count: 1, TimeProvider.System, whenQuiet: () => tidied.Release());

        Assert.False(await tidied.WaitAsync(PhotoWorkers.Quiet + TimeSpan.FromSeconds(1)));

        await workers.RunAsync(() => 1, CancellationToken.None);
        Assert.True(await tidied.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static int Priority() => OperatingSystem.IsLinux() ? CurrentThreadNice() : (int)Thread.CurrentThread.Priority;

    /// <summary>Linux's nice value of the calling thread: field 19 of /proc/thread-self/stat, counted after the command name's closing parenthesis.</summary>
    private static int CurrentThreadNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _workers.Dispose();
}
