using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;
using FleetCast.Dashboard.Tabs.Server;
using FleetCast.Server.Engine;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Server;

public sealed class ForecastBandSeriesTests
{
    private static readonly DisplayMetricCatalog.Definition Memory = DisplayMetricCatalog.All.Single(m => m.Id == DisplayMetric.Memory);
    private static readonly DisplayMetricCatalog.Definition Cpu = DisplayMetricCatalog.All.Single(m => m.Id == DisplayMetric.Cpu);

    private static ServerDetail Detail(ServerProfile profile = ServerProfile.Database) =>
        TestSnapshots.Create().Details.Values.First(d => d.Row.Profile == profile);

    [Fact]
    public void From_WindowAndForecast_LabelsEveryPointWithDataTimeAtTheStep()
    {
        var band = ForecastBandSeries.From(Detail(), Memory, ThresholdTable.Default);

        Assert.Equal(TestSnapshots.WindowSteps + TestSnapshots.HorizonSteps, band.Labels.Count);
        // Last history step is the data time 14:05; the first forecast step is one step (5 min) later.
        Assert.Equal("11-28 14:05", band.Labels[TestSnapshots.WindowSteps - 1]);
        Assert.Equal("11-28 14:10", band.Labels[TestSnapshots.WindowSteps]);
        Assert.Equal("11-28 14:35", band.Labels[^1]);
        Assert.Equal("11-28 13:10", band.Labels[0]);
        Assert.Equal(TestSnapshots.DataTime.AddMinutes(30), band.HorizonEnd);
    }

    [Fact]
    public void From_Memory_HistoryThenBandWithQuantilesInOrder()
    {
        var detail = Detail();
        var band = ForecastBandSeries.From(detail, Memory, ThresholdTable.Default);
        var origin = TestSnapshots.WindowSteps - 1;

        Assert.Equal(detail.Window[origin, Metric.MemUsedPct], band.History[origin]);
        Assert.Null(band.History[origin + 1]);
        Assert.Null(band.P50[0]);
        Assert.Equal(band.History[origin], band.P50[origin]);
        Assert.Equal(10, band.P10[origin + 1]);
        Assert.Equal(20, band.P50[origin + 1]);
        Assert.Equal(30 + TestSnapshots.HorizonSteps - 1, band.P90[^1]);
        Assert.True(band.HasForecast);
    }

    [Fact]
    public void From_Cpu_InvertsIdleAndSwapsTheQuantiles()
    {
        var detail = Detail();
        var band = ForecastBandSeries.From(detail, Cpu, ThresholdTable.Default);
        var first = TestSnapshots.WindowSteps;

        Assert.Equal(100 - detail.Window[0, Metric.CpuIdlePct], band.History[0]);
        // idle p90 = 30 is cpu p10 = 70; idle p10 = 10 is cpu p90 = 90.
        Assert.Equal(70, band.P10[first]);
        Assert.Equal(80, band.P50[first]);
        Assert.Equal(90, band.P90[first]);
        Assert.Equal(new DisplayThresholds(95, 98), band.Thresholds);
    }

    [Fact]
    public void From_DatabaseMemory_UsesTheProfilesThresholds()
    {
        var band = ForecastBandSeries.From(Detail(ServerProfile.Database), Memory, ThresholdTable.Default);
        var web = ForecastBandSeries.From(Detail(ServerProfile.WebApi), Memory, ThresholdTable.Default);

        Assert.Equal(new DisplayThresholds(95, 99), band.Thresholds);
        Assert.Equal(new DisplayThresholds(90, 98), web.Thresholds);
    }

    [Fact]
    public void From_NoForecast_ShowsHistoryOnly()
    {
        var detail = Detail() with { Forecast = null };

        var band = ForecastBandSeries.From(detail, Memory, ThresholdTable.Default);

        Assert.False(band.HasForecast);
        Assert.Equal(TestSnapshots.WindowSteps, band.Labels.Count);
        Assert.All(band.P50, Assert.Null);
    }

    [Fact]
    public void From_MetricNeverObserved_HasNoValues()
    {
        var detail = Detail();
        var observed = Enumerable.Repeat(true, MetricCatalog.Count).ToArray();
        observed[(int)Metric.MemUsedPct] = false;
        var window = new FleetCast.Core.Windows.ServerWindow(detail.Window.Server, detail.Window.Profile, detail.Window.LastStepTime, detail.Window.StepSeconds, detail.Window.Values, observed);

        var band = ForecastBandSeries.From(detail with { Window = window }, Memory, ThresholdTable.Default);

        Assert.False(band.Observed);
        Assert.All(band.History, Assert.Null);
        Assert.All(band.P90, Assert.Null);
    }
}
