using System.Collections.Concurrent;

namespace MoiAimerToi.Web.Photos;

/// <summary>
/// Image work runs here, on a few threads of its own at a lower priority. Pages and API reads run on the
/// thread pool at normal priority, so when both want the cores, the operating system serves the reader
/// first and the photo a little later. Once the workers have had nothing to do for <see cref="Quiet"/>,
/// a tidy-up runs, such as handing memory back.
/// </summary>
/// <remarks>
/// A niced thread must not start threads, which would inherit its niceness: anything that touches the
/// thread pool may start one. So the workers only block on plain queues, and one more thread, at
/// normal priority, hands each outcome back to its caller's task.
/// </remarks>
internal sealed class PhotoWorkers : IDisposable
{
    /// <summary>How many jobs may be queued or running before callers wait to queue theirs.</summary>
    private const int Capacity = 16;

    /// <summary>On Linux, nice +10 leaves a worker about a tenth of a core that normal threads also want.</summary>
    private const int Niceness = 10;

    /// <summary>Long enough that a partner uploading photo after photo does not trigger the tidy-up between two.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    private readonly BlockingCollection<Action> _jobs = new();
    private readonly BlockingCollection<Action> _outcomes = new();
    private readonly SemaphoreSlim _room = new(Capacity, Capacity);
    private readonly ITimer _quiet;
    private readonly object _counting = new();
    private int _running;
    private int _workersLeft;

    /// <param name="whenQuiet">Runs on the thread pool once no job has ended for <see cref="Quiet"/>.</param>
    public PhotoWorkers(int count, TimeProvider time, Action whenQuiet)
    {
        _quiet = time.CreateTimer(_ => whenQuiet(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _workersLeft = count;
        new Thread(HandOutcomes) { IsBackground = true, Name = "Photo outcomes" }.Start();
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
        await _room.WaitAsync(cancellationToken);
        var outcome = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _jobs.Add(() => Run(job, outcome, cancellationToken), CancellationToken.None);
        return await outcome.Task;
    }

    /// <summary>Takes no more jobs; the queued ones still run, then the threads end.</summary>
    public void Dispose() => _jobs.CompleteAdding();

    /// <summary>On a worker: runs the job, then leaves its outcome to the outcomes thread.</summary>
    private void Run<T>(Func<T> job, TaskCompletionSource<T> outcome, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            HandBack(() => outcome.TrySetCanceled(cancellationToken));
            return;
        }

        lock (_counting)
        {
            PeakRunning = Math.Max(PeakRunning, ++_running);
        }

        Action settle;
        try
        {
            var result = job();
            settle = () => outcome.TrySetResult(result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            settle = () => outcome.TrySetCanceled(cancellationToken);
        }
        catch (Exception exception)
        {
            settle = () => outcome.TrySetException(exception);
        }

        lock (_counting)
        {
            _running--;
        }

        HandBack(settle);
    }

    private void HandBack(Action settle) => _outcomes.Add(() =>
    {
        _room.Release();
        _quiet.Change(Quiet, Timeout.InfiniteTimeSpan);
        settle();
    });

    private void Work()
    {
        ThreadNiceness.LowerCurrentThread(Niceness);
        foreach (var job in _jobs.GetConsumingEnumerable())
        {
            job();
        }

        // The last worker out closes the outcomes, so that none is handed back to a closed queue.
        if (Interlocked.Decrement(ref _workersLeft) == 0)
        {
            _outcomes.CompleteAdding();
        }
    }

    private void HandOutcomes()
    {
        foreach (var settle in _outcomes.GetConsumingEnumerable())
        {
            settle();
        }

        _quiet.Dispose();
    }
}
