using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Tests.Shared;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Tests.Alerts;

public sealed class PredictiveAlertRuleLikelyWindowTests
{
    [Fact]
    public void Evaluate_P50CrossesBeyondLikelyWindow_IsIgnored()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder().Flat(current).Series(Metric.SwapUsedPct, h => h < 40 ? 5 : 30, spread: 2).Build();

        var within = PredictiveAlertRule.Evaluate("ppdb003", ServerProfile.Generic, current, forecast, true, ThresholdTable.Default, new AlertRuleOptions { LikelyWithinSteps = 40 });
        var beyond = PredictiveAlertRule.Evaluate("ppdb003", ServerProfile.Generic, current, forecast, true, ThresholdTable.Default, new AlertRuleOptions { LikelyWithinSteps = 39 });

        Assert.Equal((AlertLikelihood.Likely, 40), (Assert.Single(within).Likelihood, within[0].StepsAhead));
        Assert.Empty(beyond);
    }

    [Fact]
    public void Evaluate_P50BeyondLikelyWindowP90WithinPossibleWindow_IsPossible()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder().Flat(current).Series(Metric.SwapUsedPct, h => h < 30 ? 5 : 30, spread: 2).Build();

        var result = PredictiveAlertRule.Evaluate("ppdb003", ServerProfile.Generic, current, forecast, true, ThresholdTable.Default, new AlertRuleOptions { LikelyWithinSteps = 12, PossibleWithinSteps = 48 });

        var candidate = Assert.Single(result);
        Assert.Equal((AlertLikelihood.Possible, 30), (candidate.Likelihood, candidate.StepsAhead));
    }
}
