using FleetCast.Dashboard.Services;
using Microsoft.Extensions.Time.Testing;

namespace FleetCast.Server.Tests.Dashboard.Services;

public sealed class StoreReadThrottleTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task SnapshotArrived_WithinIntervalOfLastRead_NotDueUntilTheIntervalPassed()
    {
        using var reads = new StoreReadThrottle(_time);
        reads.SnapshotArrived();
        Assert.True(reads.Due);

        var applied = new List<int>();
        await reads.ReadAsync(() => 1, applied.Add);
        Assert.False(reads.Due);

        _time.Advance(StoreReadThrottle.Interval - TimeSpan.FromSeconds(1));
        reads.SnapshotArrived();
        Assert.False(reads.Due);

        _time.Advance(TimeSpan.FromSeconds(1));
        reads.SnapshotArrived();
        Assert.True(reads.Due);
        Assert.Equal([1], applied);
    }

    [Fact]
    public void ReadAsync_SharedReadAlreadyDone_AppliesBeforeReturning()
    {
        using var reads = new StoreReadThrottle(_time);
        reads.SnapshotArrived();
        var applied = new List<int>();

        var read = reads.ReadAsync(Task.FromResult(7), applied.Add);

        Assert.True(read.IsCompletedSuccessfully);
        Assert.Equal([7], applied);
        Assert.False(reads.Due);
    }

    [Fact]
    public async Task ReadAsync_SharedReadStillRunning_AppliesWhenItFinishes()
    {
        using var reads = new StoreReadThrottle(_time);
        var shared = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var applied = new List<int>();

        var read = reads.ReadAsync(shared.Task, applied.Add);
        Assert.Empty(applied);
        shared.SetResult(3);
        await read;

        Assert.Equal([3], applied);
    }

    [Fact]
    public async Task ReadAsync_WhileAnotherRuns_IsSkipped()
    {
        using var reads = new StoreReadThrottle(_time);
        using var release = new ManualResetEventSlim();
        var applied = new List<int>();

        var first = reads.ReadAsync(() => { release.Wait(); return 1; }, applied.Add);
        await reads.ReadAsync(() => 2, applied.Add);
        release.Set();
        await first;

        Assert.Equal([1], applied);
    }

    [Fact]
    public async Task ReadAsync_TabClosedMidRead_DropsTheResult()
    {
        var reads = new StoreReadThrottle(_time);
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var applied = new List<int>();

        var read = reads.ReadAsync(() => { started.Set(); release.Wait(); return 1; }, applied.Add);
        started.Wait();
        reads.Dispose();
        release.Set();
        await read;

        Assert.Empty(applied);
    }
}
