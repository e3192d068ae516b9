using System.Runtime;
using SixLabors.ImageSharp.Memory;

namespace MoiAimerToi.Web.Photos;

/// <summary>
/// Gives back to the operating system what a burst of uploads grew: the image buffers ImageSharp
/// keeps pooled, and the managed heap the uploads were read into. The runtime would keep both for
/// the next burst, which on a couple's site may come days later; a small server needs the memory more.
/// </summary>
internal static class PhotoMemory
{
    /// <summary>One full, compacting collection (a pause of a few milliseconds), run after the photos, not between them.</summary>
    public static void Return()
    {
        MemoryAllocator.Default.ReleaseRetainedResources();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
