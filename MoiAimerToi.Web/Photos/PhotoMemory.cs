using System.Runtime;
using System.Runtime.InteropServices;
using SixLabors.ImageSharp.Memory;

namespace MoiAimerToi.Web.Photos;

/// <summary>
/// Gives back to the operating system what a burst of uploads grew: the image buffers ImageSharp
/// keeps pooled, the managed heap the uploads were read into, and the C heap's free pages. The runtime
/// and the C library would keep all three for the next burst, which on a couple's site may come days
/// later; a small server needs the memory more.
/// </summary>
internal static class PhotoMemory
{
    /// <summary>One full, compacting collection (a pause of a few milliseconds), run after the photos, not between them.</summary>
    public static void Return()
    {
        MemoryAllocator.Default.ReleaseRetainedResources();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        TrimCHeap();
    }

    /// <summary>
    /// Native memory freed by then (ImageSharp's pool is native, and so is SQLite's) stays in glibc's
    /// arenas; malloc_trim hands their free pages back: 231 → 206 MB of RSS after a burst (docs/benchmarks.md).
    /// </summary>
    private static void TrimCHeap()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): its free pages stay with the process, as they would anyway.
        }
    }

    // DllImport rather than LibraryImport, whose generated code needs unsafe blocks: this takes and returns plain integers.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
