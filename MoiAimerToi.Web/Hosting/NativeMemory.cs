using System.Runtime.InteropServices;

namespace MoiAimerToi.Web.Hosting;

/// <summary>How the C library (glibc) keeps the native memory of photos: given back, not hoarded.</summary>
public static class NativeMemory
{
    private const int TrimThreshold = -1; // M_TRIM_THRESHOLD
    private const int MmapThreshold = -3; // M_MMAP_THRESHOLD
    private const int ArenaMax = -8; // M_ARENA_MAX

    /// <summary>
    /// Told once at start: every native buffer from 128 KB up (a photo's pixels in ImageSharp's, libheif's and
    /// ImageMagick's hands) gets pages of its own, returned to the system as soon as it is freed, and at most two
    /// arenas. glibc's default raises that threshold to 32 MB as buffers come and go, and then keeps their freed pages
    /// in as many arenas as threads: a batch of 30 photos took 512 MB instead of 350 (docs/benchmarks.md).
    /// </summary>
    public static void ReturnLargeBuffers()
    {
        Call(() =>
        {
            _ = Mallopt(MmapThreshold, 128 * 1024);
            _ = Mallopt(TrimThreshold, 128 * 1024);
            _ = Mallopt(ArenaMax, 2);
        });
    }

    /// <summary>
    /// Native memory freed by a library (libheif's and ImageMagick's buffers, for a HEIC) stays in glibc's arenas, counted
    /// in the process's memory, until this returns their free pages. A few milliseconds; nothing on other systems.
    /// </summary>
    public static void Trim() => Call(() => _ = MallocTrim(0));

    private static void Call(Action glibc)
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                glibc();
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): the C library keeps its own ways.
        }
    }

    // DllImport rather than LibraryImport, whose generated code needs unsafe blocks: these take and return plain integers.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);
}
