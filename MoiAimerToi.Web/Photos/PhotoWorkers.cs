using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace MoiAimerToi.Web.Photos;

/// <summary>
/// Image work runs here, on a few threads of its own at a lower priority, out of a bounded queue.
/// Pages and API reads run on the thread pool at normal priority, so when both want the cores, the
/// operating system serves the reader first and the photo a little later. Once the workers have had
/// nothing to do for <see cref="Quiet"/>, they run a tidy-up, such as handing memory back.
/// </summary>
internal sealed class PhotoWorkers : IDisposable
{
    /// <summary>How many jobs may wait for a worker before callers wait to queue theirs.</summary>
    private const int QueueCapacity = 16;

    /// <summary>How much nicer than the process the workers are on Linux: 10 leaves them about a tenth of a core that normal threads also want.</summary>
    private const int Niceness = 10;

    /// <summary>The nicest value Linux allows.</summary>
    private const int NicestValue = 19;

    private readonly Channel<Action> _queue = Channel.CreateBounded<Action>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Long enough that a partner uploading photo after photo does not trigger the tidy-up between two.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    private readonly ITimer _quiet;
    private int _running;

    /// <param name="whenQuiet">Runs on the thread pool once no job has ended for <see cref="Quiet"/>.</param>
    public PhotoWorkers(int count, TimeProvider time, Action whenQuiet)
    {
        _quiet = time.CreateTimer(_ => whenQuiet(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        for (var index = 1; index <= count; index++)
        {
            new Thread(Work) { IsBackground = true, Name = $"Photo worker {index}" }.Start();
        }
    }

    /// <summary>The most jobs seen running at once.</summary>
    public int PeakRunning { get; private set; }

    /// <summary>
    /// Queues <paramref name="job"/> and waits for its result. Once started, a job runs to its end (it
    /// may check <paramref name="cancellationToken"/> itself); a job cancelled while it waits never starts.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<T> job, CancellationToken cancellationToken)
    {
        var outcome = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(() => Run(job, outcome, cancellationToken), cancellationToken);
        return await outcome.Task;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _quiet.Dispose();
    }

    private void Run<T>(Func<T> job, TaskCompletionSource<T> outcome, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            outcome.TrySetCanceled(cancellationToken);
            return;
        }

        lock (_queue)
        {
            PeakRunning = Math.Max(PeakRunning, ++_running);
        }

        try
        {
            outcome.TrySetResult(job());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome.TrySetCanceled(cancellationToken);
        }
        catch (Exception exception)
        {
            outcome.TrySetException(exception);
        }
        finally
        {
            lock (_queue)
            {
                _running--;
            }

            _quiet.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void Work()
    {
        LowerThisThreadsPriority();
        var reader = _queue.Reader;
        // A thread of its own may block while it waits: no pool thread is held.
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var job))
            {
                job();
            }
        }
    }

    /// <summary>
    /// .NET's Thread.Priority changes nothing on Linux, so there the thread lowers its own nice value,
    /// which any process may do without privileges. Elsewhere Thread.Priority is honoured.
    /// </summary>
    private static void LowerThisThreadsPriority()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var thread = GetThreadId();
                _ = SetPriority(PriorityOfProcess, thread, Math.Min(NicestValue, GetPriority(PriorityOfProcess, thread) + Niceness));
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                // An unusual libc: the photo work then runs at normal priority, as it would anyway.
            }
        }
        else
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        }
    }

    /// <summary>PRIO_PROCESS: on Linux it names a single thread when given a thread id.</summary>
    private const int PriorityOfProcess = 0;

    // DllImport rather than LibraryImport, whose generated code needs unsafe blocks: these take and return plain ints.
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "getpriority")]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
