using FleetCast.Forecasting.Evaluation;

namespace FleetCast.Forecasting.Tests.Evaluation;

public sealed class RecallAtBudgetTests
{
    [Fact]
    public void From_Curve_PicksTheBestRecallWithinEachBudget()
    {
        AlertCurvePoint[] curve =
        [
            new("loud", 2.0, 1.0, 300),
            new("quiet", 0.05, 0.3, 20),
            new("middle", 0.2, 0.6, 40),
            new("wider", 0.4, 0.9, 60),
            new("middle-worse", 0.15, 0.5, 40),
        ];

        var result = RecallAtBudget.From(curve);

        Assert.Equal(["0.1", "0.2", "0.5"], result.Recall.Keys);
        Assert.Equal((0.3, 0.6, 0.9), (result.Recall["0.1"], result.Recall["0.2"], result.Recall["0.5"]));
        Assert.Equal(("quiet", "middle", "wider"), (result.Setting["0.1"], result.Setting["0.2"], result.Setting["0.5"]));
    }

    [Fact]
    public void From_EqualRecall_PrefersFewerFalseAlerts()
    {
        AlertCurvePoint[] curve = [new("first", 0.18, 0.5, 10), new("fewer", 0.12, 0.5, 10)];

        var result = RecallAtBudget.From(curve, [0.2]);

        Assert.Equal("fewer", result.Setting["0.2"]);
    }

    [Fact]
    public void From_NoPointWithinBudget_IsZeroWithoutSetting()
    {
        AlertCurvePoint[] curve = [new("loud", 0.8, 1.0, 300), new("louder", 3.0, 1.0, 300)];

        var result = RecallAtBudget.From(curve);

        Assert.All(result.Recall.Values, r => Assert.Equal(0, r));
        Assert.All(result.Setting.Values, Assert.Null);
        Assert.Equal(1.0, RecallAtBudget.From(curve, [1.0]).Recall["1"]);
    }
}
