using FleetCast.Core.Metrics;
using FleetCast.Forecasting.Data;
using FleetCast.Forecasting.Tests.Shared;

namespace FleetCast.Forecasting.Tests.Data;

public sealed class DatasetWindowsTests
{
    [Fact]
    public void Enumerate_GapInOneServer_SkipsOnlyWindowsTouchingIt()
    {
        // Arrange: server 1 is offline at step 50.
        var data = TestSeries.Dataset(2, 100, (s, t, m) => s == 1 && t == 50 ? float.NaN : t);
        var windows = new DatasetWindows(data);

        // Act
        var all = windows.Enumerate(lookback: 20, horizon: 10, stride: 5).ToList();

        // Assert
        Assert.All(all.Where(w => w.ServerIndex == 1), w => Assert.False(w.Origin - 19 <= 50 && 50 <= w.Origin + 10));
        Assert.Contains(all, w => w.ServerIndex == 0 && w.Origin == 49);
        Assert.DoesNotContain(all, w => w.ServerIndex == 1 && w.Origin == 49);
        Assert.Contains(all, w => w.ServerIndex == 1 && w.Origin == 84);
        Assert.Equal(Enumerable.Range(0, 15).Select(k => 19 + (5 * k)), all.Where(w => w.ServerIndex == 0).Select(w => w.Origin));
    }

    [Fact]
    public void Enumerate_TimeSplit_NoWindowCrossesIntoTheOtherPart()
    {
        // Arrange
        var data = TestSeries.Dataset(3, 1000, (s, t, m) => t);
        var windows = new DatasetWindows(data);
        var (train, validation) = TimeSplit.Split(data.Steps, 0.2, gapSteps: 5);

        // Act
        var trainWindows = windows.Enumerate(96, 96, 12, train).ToList();
        var validationWindows = windows.Enumerate(96, 96, 12, validation).ToList();

        // Assert
        Assert.Equal(800, validation.Start);
        Assert.Equal(795, train.End);
        Assert.NotEmpty(trainWindows);
        Assert.NotEmpty(validationWindows);
        Assert.All(trainWindows, w => Assert.True(w.Origin + 96 < validation.Start));
        Assert.All(validationWindows, w => Assert.True(w.Origin - 95 >= validation.Start));
    }

    [Fact]
    public void ForwardFill_GapsAndLeadingNaN_FilledAndObservedReported()
    {
        var rows = TestSeries.Rows(4, (t, m) => m switch
        {
            0 => t == 2 ? float.NaN : t,
            1 => t < 2 ? float.NaN : 7f,
            2 => float.NaN,
            _ => 1f,
        });

        var observed = DatasetWindows.ForwardFill(rows);

        Assert.Equal([0f, 1f, 1f, 3f], Enumerable.Range(0, 4).Select(t => rows[t * MetricCatalog.Count]));
        Assert.Equal([7f, 7f, 7f, 7f], Enumerable.Range(0, 4).Select(t => rows[(t * MetricCatalog.Count) + 1]));
        Assert.Equal([0f, 0f, 0f, 0f], Enumerable.Range(0, 4).Select(t => rows[(t * MetricCatalog.Count) + 2]));
        Assert.True(observed[0] && observed[1] && !observed[2]);
    }

    [Fact]
    public void ToServerWindow_Origin_EndsAtOriginTime()
    {
        var data = TestSeries.Dataset(1, 50, (s, t, m) => t);
        var windows = new DatasetWindows(data);

        var window = windows.ToServerWindow(0, 29, 10)!;

        Assert.Equal(10, window.Length);
        Assert.Equal(data.TimeOf(29), window.LastStepTime);
        Assert.Equal(29f, window[9, Metric.CpuUserPct]);
        Assert.Equal(20f, window[0, Metric.CpuUserPct]);
    }

    [Fact]
    public void ToServerWindow_ServerOfflineThroughout_ReturnsNull()
    {
        var data = TestSeries.Dataset(1, 50, (s, t, m) => t < 30 ? float.NaN : t);

        Assert.Null(new DatasetWindows(data).ToServerWindow(0, 29, 10));
    }
}
