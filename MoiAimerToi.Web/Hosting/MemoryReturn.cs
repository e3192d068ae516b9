using System.Runtime;
using MoiAimerToi.Web.Photos;

namespace MoiAimerToi.Web.Hosting;

/// <summary>
/// Hands memory back to the system once a burst of work (photos, mostly) is over: ImageSharp's pooled buffers, the
/// GC's free space and glibc's free pages, which the runtime and the C library would keep for a next burst that may
/// come days later. The one piece of memory machinery the site keeps, for what it measured: after <c>bench/run-all</c>
/// the site holds ~370 MB without it, ~210 MB with it (docs/benchmarks.md); small platform instances allow 512 MB.
/// </summary>
public sealed class MemoryReturn(PhotoPipeline photos, TimeProvider time) : BackgroundService
{
    /// <summary>How often allocations are looked at; a burst is over at the first quiet look.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private const long Burst = 64L << 20; // managed allocations since the last return; one 12 MP photo makes ~30 MB
    private const long Quiet = 4L << 20; // in one period; an idle site allocates a few kilobytes

    private readonly PeriodicTimer _timer = new(Period, time); // made with the service, so no period is missed while it starts

    /// <summary>For the tests: periods looked at, returns made, and where the allocations are counted.</summary>
    internal int Looks { get; private set; }

    internal int Returns { get; private set; }

    internal Func<long> Allocated { get; init; } = () => GC.GetTotalAllocatedBytes();

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // From zero: what start-up allocated counts too, so the first quiet moment also returns its leftovers.
        long last = 0, sinceReturn = 0;
        while (await _timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = Allocated();
            (var thisPeriod, last) = (now - last, now);
            sinceReturn += thisPeriod;
            if (sinceReturn >= Burst && thisPeriod < Quiet)
            {
                Return();
                sinceReturn = 0;
            }

            Looks++;
        }
    }

    private void Return()
    {
        photos.ReleaseRetainedMemory();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeMemory.Trim();
        Returns++;
    }
}
