using Microsoft.Extensions.Time.Testing;
using MoiAimerToi.Tests.Infrastructure;
using MoiAimerToi.Tests.Photos;
using MoiAimerToi.Web.Hosting;

namespace MoiAimerToi.Tests.Hosting;

public sealed class MemoryReturnTests : IDisposable
{
    private const long Megabyte = 1 << 20;

    private readonly PipelineHarness _photos = new();
    private readonly FakeTimeProvider _time = new();
    private readonly MemoryReturn _service;
    private long _allocated;

    public MemoryReturnTests() =>
        _service = new MemoryReturn(_photos.Pipeline, _time) { Allocated = () => Interlocked.Read(ref _allocated) };

    [Fact]
    public async Task Memory_Goes_Back_Once_A_Burst_Of_Work_Is_Followed_By_A_Quiet_Moment_And_Not_Before()
    {
        await _service.StartAsync(CancellationToken.None);

        await PeriodAsync(allocating: 80 * Megabyte);
        await PeriodAsync(allocating: 30 * Megabyte);
        Assert.Equal(0, _service.Returns);

        await PeriodAsync(allocating: Megabyte);
        Assert.Equal(1, _service.Returns);

        await PeriodAsync(allocating: 0);
        await PeriodAsync(allocating: Megabyte);
        Assert.Equal(1, _service.Returns);
        await _service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_Steady_Trickle_Never_Counts_As_A_Burst()
    {
        await _service.StartAsync(CancellationToken.None);

        for (var i = 0; i < 20; i++)
        {
            await PeriodAsync(allocating: 3 * Megabyte);
        }

        Assert.Equal(0, _service.Returns);
        await _service.StopAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        _service.Dispose();
        _photos.Dispose();
    }

    /// <summary>One period of the service's timer, with that much allocated during it; returns once the service has looked.</summary>
    private async Task PeriodAsync(long allocating)
    {
        var looks = _service.Looks;
        Interlocked.Add(ref _allocated, allocating);
        _time.Advance(MemoryReturn.Period);
        await Eventually.TrueAsync(() => Task.FromResult(_service.Looks > looks), "the service looks at each period");
    }
}
