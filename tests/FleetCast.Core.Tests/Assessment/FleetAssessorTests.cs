using FleetCast.Core.Alerts;
using FleetCast.Core.Assessment;
using FleetCast.Core.Levels;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Tests.Shared;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Tests.Assessment;

public sealed class FleetAssessorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
    private static readonly ThresholdTable Table = ThresholdTable.Default;

    private static FleetAssessor NewAssessor() => new(Table, ScoringOptions.Default, TestAlertRules.FireAtOnce);

    private static DateTimeOffset At(int step) => T0.AddMinutes(5 * step);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Assess_RandomFleetOverManySteps_KeepsEveryInvariant(int seed)
    {
        var random = new Random(seed);
        var assessor = NewAssessor();
        var servers = Enumerable.Range(0, 12).Select(i => ($"srv{i:00}", ProfileNames.All[i % ProfileNames.Count])).ToArray();

        for (var step = 0; step < 60; step++)
        {
            var inputs = servers.Select(s => RandomInput(random, s.Item1, s.Item2)).ToArray();
            var raise = step % 17 != 5;

            var result = assessor.Assess(At(step), inputs, raiseAlerts: raise);

            AssertInvariants(result, inputs);
            if (!raise)
            {
                Assert.Empty(result.Transitions);
            }
        }
    }

    [Fact]
    public void Assess_CurrentCriticalBreachWithLowBandPoints_IsCriticalWithAFloorFactor()
    {
        var current = TestMetrics.Healthy().With(Metric.CpuSysPct, 75);

        var result = NewAssessor().Assess(At(0), [new AssessmentInput("ppweb001", ServerProfile.WebApi, current, ForecastBuilder.FlatAt(current), true)]);

        var risk = result.Risks["ppweb001"];
        Assert.Equal(RiskLevel.Critical, risk.Level);
        Assert.Equal(80, risk.Score);
        Assert.Contains(risk.Factors, f => f.Basis == RiskScorer.BasisFloor && f.Metric == "cpu_sys_pct" && f.Text == "CPU system 75% ≥ critical 70%");
        Assert.Equal(risk.Score, risk.Factors.Sum(f => f.Points), 6);
        var alert = Assert.Single(result.Active);
        Assert.Equal((Metric.CpuSysPct, AlertSeverity.Critical), (alert.Headline.Metric, alert.Headline.Severity));
    }

    [Fact]
    public void Assess_FourMetricsOfOneServerOverThresholds_OneAlertListingTheFourAndNoSecondOneNextStep()
    {
        var current = TestMetrics.Healthy()
            .With(Metric.CpuSysPct, 75).With(Metric.MemUsedPct, 99.5).With(Metric.SwapUsedPct, 30).With(Metric.CpuIowaitPct, 60);
        var assessor = NewAssessor();
        AssessmentInput[] inputs = [new AssessmentInput("ppweb001", ServerProfile.WebApi, current, ForecastBuilder.FlatAt(current), true)];

        var first = assessor.Assess(At(0), inputs);
        var second = assessor.Assess(At(1), inputs);

        var fired = Assert.Single(first.Transitions);
        Assert.Equal(AlertTransitionKind.Fired, fired.Kind);
        Assert.Equal([Metric.CpuSysPct, Metric.CpuIowaitPct, Metric.MemUsedPct, Metric.SwapUsedPct], fired.Alert.Metrics.Select(m => m.Metric).Order());
        Assert.Equal(AlertSeverity.Critical, fired.Alert.Headline.Severity);
        Assert.Equal(AlertSeverity.Warning, fired.Alert.Metrics.Single(m => m.Metric == Metric.SwapUsedPct).Severity);
        Assert.Empty(second.Transitions);
        Assert.Equal(At(0), Assert.Single(second.Active).StartedAt);
        Assert.True(second.Risks["ppweb001"].Level >= RiskLevel.Critical);
    }

    [Fact]
    public void Assess_WarmingUpServerOverCritical_ShowsCriticalButRaisesNoAlert()
    {
        var current = TestMetrics.Healthy().With(Metric.MemUsedPct, 99);

        var result = NewAssessor().Assess(At(0), [new AssessmentInput("ppweb001", ServerProfile.WebApi, current, null, Ready: false)]);

        Assert.Equal(RiskLevel.Critical, result.Risks["ppweb001"].Level);
        Assert.Empty(result.Active);
        Assert.Empty(result.Transitions);
    }

    [Fact]
    public void Assess_DuringBackfill_ScoresButNeitherFiresNorResolves()
    {
        var assessor = NewAssessor();
        var breach = TestMetrics.Healthy().With(Metric.MemUsedPct, 99);
        var healthy = TestMetrics.Healthy();
        assessor.Assess(At(0), [new AssessmentInput("ppweb001", ServerProfile.WebApi, breach, null, true)]);

        var backfilled = Enumerable.Range(1, 5)
            .Select(i => assessor.Assess(At(i), [new AssessmentInput("ppweb001", ServerProfile.WebApi, healthy, null, true), new AssessmentInput("ppweb002", ServerProfile.WebApi, breach, null, true)], raiseAlerts: false))
            .ToArray();

        Assert.All(backfilled, r => Assert.Empty(r.Transitions));
        var still = Assert.Single(assessor.Active);
        Assert.Equal("ppweb001", still.Server);
        Assert.Equal(RiskLevel.Critical, backfilled[^1].Risks["ppweb002"].Level);
        Assert.Equal(RiskLevel.Critical, backfilled[^1].Risks["ppweb001"].Level);
    }

    [Fact]
    public void Assess_PredictedCriticalOnAQuietServer_IsNeverHealthy()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder().Flat(current).Series(Metric.DiskUsagePct, h => h < 40 ? 50 : 97).Build();

        var result = NewAssessor().Assess(At(0), [new AssessmentInput("ppweb001", ServerProfile.WebApi, current, forecast, true)]);

        var alert = Assert.Single(result.Active);
        Assert.Equal((AlertSeverity.Critical, AlertLikelihood.Likely), (alert.Headline.Severity, alert.Headline.Likelihood));
        Assert.Equal(RiskLevel.Degrading, result.Risks["ppweb001"].Level);
        Assert.Contains(result.Risks["ppweb001"].Factors, f => f.Basis == RiskScorer.BasisFloor && f.Text.StartsWith("critical alert: disk likely to reach 95%", StringComparison.Ordinal));
    }

    private static void AssertInvariants(FleetAssessment result, IReadOnlyList<AssessmentInput> inputs)
    {
        // One incident per server, headed by its most urgent metric.
        Assert.Equal(result.Active.Count, result.Active.Select(a => a.Server).Distinct(StringComparer.Ordinal).Count());
        Assert.All(result.Active, a => Assert.Equal(a.Headline, a.Metrics[0]));
        foreach (var input in inputs)
        {
            var risk = result.Risks[input.Server];
            Assert.Equal(RiskLadder.FromScore(risk.Score), risk.Level);
            Assert.Equal(risk.Score, risk.Factors.Sum(f => f.Points), 6);
            foreach (var thresholds in Table.ForProfile(input.Profile))
            {
                var value = input.Current[(int)thresholds.Metric];
                if (thresholds.Critical is { } critical && thresholds.Reaches(value, critical))
                {
                    Assert.True(risk.Level >= RiskLevel.Critical, $"{input.Server}: {thresholds.Metric} {value} over critical but {risk.Level}");
                }
                else if (thresholds.Warning is { } warning && thresholds.Reaches(value, warning))
                {
                    Assert.True(risk.Level >= RiskLevel.Warning, $"{input.Server}: {thresholds.Metric} {value} over warning but {risk.Level}");
                }
            }

            foreach (var alert in result.Active.Where(a => a.Server == input.Server))
            {
                foreach (var finding in alert.Metrics)
                {
                    Assert.True(risk.Level >= LevelFloor.ForAlert(finding.Severity, finding.Likelihood), $"{input.Server}: {finding.Metric} {finding.Severity} but {risk.Level}");
                }

                Assert.NotEqual(RiskLevel.Healthy, risk.Level);
            }

            if (!input.Ready)
            {
                Assert.DoesNotContain(result.Transitions, t => t.Alert.Server == input.Server && t.Kind == AlertTransitionKind.Fired);
            }
        }
    }

    /// <summary>A mix of quiet servers, near-threshold noise, breaches and forecasts that cross later.</summary>
    private static AssessmentInput RandomInput(Random random, string server, ServerProfile profile)
    {
        var current = TestMetrics.Healthy();
        foreach (var metric in new[] { Metric.CpuUserPct, Metric.MemUsedPct, Metric.SwapUsedPct, Metric.DiskUsagePct, Metric.CpuIowaitPct, Metric.BackCloseWait, Metric.LoadAverage })
        {
            if (random.NextDouble() < 0.15)
            {
                var thresholds = Table.Get(profile, metric);
                var critical = thresholds.Critical ?? 100;
                current[(int)metric] = critical * (0.8 + (0.3 * random.NextDouble()));
            }
        }

        var idle = Math.Max(0, 100 - current[(int)Metric.CpuUserPct] - current[(int)Metric.CpuSysPct] - current[(int)Metric.CpuIowaitPct]);
        current[(int)Metric.CpuIdlePct] = idle;
        var builder = new ForecastBuilder().Flat(current);
        if (random.NextDouble() < 0.2)
        {
            var cross = random.Next(1, 96);
            var target = Table.Get(profile, Metric.MemUsedPct).Critical!.Value + 0.5;
            builder.Series(Metric.MemUsedPct, h => h < cross ? current[(int)Metric.MemUsedPct] : target, spread: random.NextDouble() * 3);
        }

        return new AssessmentInput(server, profile, current, builder.Build(), Ready: random.NextDouble() < 0.85);
    }
}
