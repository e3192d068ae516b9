using System.Runtime.InteropServices;

namespace MoiAimerToi.Web.Photos;

/// <summary>
/// Lowers the calling thread's priority. .NET's Thread.Priority changes nothing on Linux, so there the
/// thread raises its own nice value, which any process may do without privileges (and never undo).
/// A thread started by a niced thread inherits its niceness: a niced thread must not start threads.
/// </summary>
internal static class ThreadNiceness
{
    /// <summary>The nicest value Linux allows.</summary>
    private const int NicestValue = 19;

    /// <summary>PRIO_PROCESS: on Linux it names a single thread when given a thread id.</summary>
    private const int PriorityOfProcess = 0;

    /// <param name="niceness">How much nicer than now, on Linux; elsewhere the thread goes BelowNormal.</param>
    public static void LowerCurrentThread(int niceness)
    {
        if (!OperatingSystem.IsLinux())
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
            return;
        }

        try
        {
            var thread = GetThreadId();
            _ = SetPriority(PriorityOfProcess, thread, Math.Min(NicestValue, GetPriority(PriorityOfProcess, thread) + niceness));
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // An unusual libc: the thread then keeps its priority, as it would anyway.
        }
    }

    // DllImport rather than LibraryImport, whose generated code needs unsafe blocks: these take and return plain ints.
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "getpriority")]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
