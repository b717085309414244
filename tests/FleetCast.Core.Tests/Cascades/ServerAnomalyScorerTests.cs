using FleetCast.Core.Cascades;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Windows;

namespace FleetCast.Core.Tests.Cascades;

public sealed class ServerAnomalyScorerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A one-row window of a server whose metrics all sit at 20 with a small wobble, and
    /// <paramref name="metric"/> at <paramref name="value"/> when given.</summary>
    private static ServerWindow Row(int step, Metric? metric = null, float value = 0)
    {
        var values = new float[MetricCatalog.Count];
        Array.Fill(values, 20f + (step % 3 * 0.5f));
        if (metric is { } m)
        {
            values[(int)m] = value;
        }

        var observed = new bool[MetricCatalog.Count];
        Array.Fill(observed, true);
        return new ServerWindow("ppdb001", ServerProfile.Database, T0.AddMinutes(5 * step), 300, values, observed);
    }

    [Fact]
    public void Observe_JumpAfterAQuietBaseline_ScoresHighOnThatMetric()
    {
        var scorer = new ServerAnomalyScorer(AnomalyOptions.Default);
        for (var step = 0; step < 20; step++)
        {
            Assert.True(scorer.Observe(Row(step)).Score < 1);
        }

        var jump = scorer.Observe(Row(20, Metric.CpuIowaitPct, 45));

        Assert.Equal(Metric.CpuIowaitPct, jump.Metric);
        Assert.True(jump.Score > 6, $"score {jump.Score}");
    }

    [Fact]
    public void Observe_BaselineShorterThanTheMinimum_ScoresNothing()
    {
        var scorer = new ServerAnomalyScorer(AnomalyOptions.Default with { MinBaselineSteps = 5 });
        for (var step = 0; step < 5; step++)
        {
            scorer.Observe(Row(step));
        }

        Assert.Equal(0, new ServerAnomalyScorer(AnomalyOptions.Default with { MinBaselineSteps = 5 }).Observe(Row(0, Metric.CpuIowaitPct, 90)).Score);
        Assert.True(scorer.Observe(Row(5, Metric.CpuIowaitPct, 90)).Score > 6);
    }

    [Fact]
    public void Observe_UnscoredMetricJumps_StaysCalm()
    {
        var scorer = new ServerAnomalyScorer(AnomalyOptions.Default);
        for (var step = 0; step < 20; step++)
        {
            scorer.Observe(Row(step));
        }

        Assert.True(scorer.Observe(Row(20, Metric.NetInMbS, 500)).Score < 1);
    }

    [Fact]
    public void Observe_LastingShift_IsAbsorbedGraduallyNotAtHalfTheBaseline()
    {
        var options = AnomalyOptions.Default;
        var clipped = new ServerAnomalyScorer(options);
        var unclipped = new ServerAnomalyScorer(options with { ClipScales = 1e6 });
        for (var step = 0; step < options.BaselineSteps; step++)
        {
            clipped.Observe(Row(step));
            unclipped.Observe(Row(step));
        }

        var shifted = Enumerable.Range(options.BaselineSteps, (options.BaselineSteps / 2) + 4)
            .Select(step => (Clipped: clipped.Observe(Row(step, Metric.BackCloseWait, 80)).Score, Unclipped: unclipped.Observe(Row(step, Metric.BackCloseWait, 80)).Score))
            .ToArray();

        // Through the first half of the baseline both see the shift; after it the median of the raw values has
        // reached the new level, while the clipped baseline has moved only part of the way.
        Assert.All(shifted[..(options.BaselineSteps / 2)], s => Assert.True(s.Clipped > CascadeOptions.Default.AnomalyThreshold, $"score {s.Clipped}"));
        Assert.True(shifted[^1].Unclipped < 1, $"unclipped {shifted[^1].Unclipped}");
        Assert.True(shifted[^1].Clipped > 3, $"clipped {shifted[^1].Clipped}");
    }

    [Fact]
    public void Observe_SameStepTwice_DoesNotAddItToTheBaselineTwice()
    {
        var scorer = new ServerAnomalyScorer(AnomalyOptions.Default);
        for (var step = 0; step < 20; step++)
        {
            scorer.Observe(Row(step));
        }

        var first = scorer.Observe(Row(20, Metric.CpuUserPct, 60));
        var again = scorer.Observe(Row(20, Metric.CpuUserPct, 60));

        Assert.Equal(21, scorer.BaselineCount);
        Assert.Equal(first.Score, again.Score, 6);
    }

    [Fact]
    public void Observe_FirstSightOfALongWindow_SeedsTheBaselineFromItsHistory()
    {
        const int rows = 30;
        var values = new float[rows * MetricCatalog.Count];
        for (var t = 0; t < rows; t++)
        {
            values.AsSpan(t * MetricCatalog.Count, MetricCatalog.Count).Fill(20f + (t % 3 * 0.5f));
        }

        values[((rows - 1) * MetricCatalog.Count) + (int)Metric.MemUsedPct] = 70;
        var observed = Enumerable.Repeat(true, MetricCatalog.Count).ToArray();
        var window = new ServerWindow("ppdb001", ServerProfile.Database, T0.AddMinutes(5 * (rows - 1)), 300, values, observed);
        var scorer = new ServerAnomalyScorer(AnomalyOptions.Default);

        var score = scorer.Observe(window);

        Assert.Equal(rows, scorer.BaselineCount);
        Assert.Equal(Metric.MemUsedPct, score.Metric);
        Assert.True(score.Score > 6);
    }
}
