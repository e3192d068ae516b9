using System.Runtime.InteropServices;

namespace MoiAimerToi.Web.Hosting;

/// <summary>glibc's free pages, handed back to the system.</summary>
public static class NativeMemory
{
    /// <summary>
    /// Native memory freed by a library (libheif's and ImageMagick's buffers, for a HEIC) stays in glibc's arenas, counted
    /// in the process's memory, until this returns their free pages. A few milliseconds; nothing on other systems.
    /// </summary>
    public static void Trim()
    {
        try
        {
            _ = OperatingSystem.IsLinux() ? MallocTrim(0) : 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): those pages stay, as they would anyway.
        }
    }

    // DllImport rather than LibraryImport, whose generated code needs unsafe blocks: this takes and returns plain integers.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
