using FleetCast.Core.Alerts;
using FleetCast.Forecasting.Evaluation;

namespace FleetCast.Forecasting.Tests.Evaluation;

public sealed class AlertSettingTests
{
    [Theory]
    [InlineData(int.MaxValue, 0, 3, "p50-persist3")]
    [InlineData(96, 0, 3, "p50-persist3")]
    [InlineData(24, 0, 1, "p50w24-persist1")]
    [InlineData(int.MaxValue, 12, 2, "p90w12-persist2")]
    [InlineData(48, 6, 4, "p50w48-p90w6-persist4")]
    public void Of_Options_NamesWhatMayAlert(int likely, int possible, int persist, string expected)
    {
        var options = new AlertRuleOptions { LikelyWithinSteps = likely, PossibleWithinSteps = possible, PersistSteps = persist, FireAfterEvaluations = 1 };

        Assert.Equal(expected, AlertSetting.Of(options, 96).Name);
    }

    [Theory]
    [InlineData("p50-persist3", int.MaxValue, 0, 3)]
    [InlineData("p50w24-persist1", 24, 0, 1)]
    [InlineData("p90w12-persist2", int.MaxValue, 12, 2)]
    [InlineData("p50w48-p90w6-persist4", 48, 6, 4)]
    public void Parse_Name_GivesItsOptionsAndTheSameName(string name, int likely, int possible, int persist)
    {
        var defaults = new AlertRuleOptions { ResolveAfterEvaluations = 5 };

        var setting = AlertSetting.Parse(name, defaults, 96);

        Assert.NotNull(setting);
        Assert.Equal(name, setting.Name);
        Assert.Equal((likely, possible, persist, 5), (setting.Options.LikelyWithinSteps, setting.Options.PossibleWithinSteps, setting.Options.PersistSteps, setting.Options.ResolveAfterEvaluations));
    }

    [Theory]
    [InlineData("p50-persist3-fire2", 2)]
    [InlineData("p50w48-p90w3-persist18-fire3", 3)]
    [InlineData("p90w3-persist6", 1)]
    public void Parse_FireAfterSuffix_SetsTheCountAndRoundTrips(string name, int fireAfter)
    {
        var setting = AlertSetting.Parse(name, AlertRuleOptions.Default, 96);

        Assert.NotNull(setting);
        Assert.Equal(fireAfter, setting.Options.FireAfterEvaluations);
        Assert.Equal(name, setting.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("p50")]
    [InlineData("persist3")]
    [InlineData("p50-persist0")]
    [InlineData("p50-persistx")]
    [InlineData("p90w12-p50w24-persist2")]
    [InlineData("p50-p90w6-persist2")]
    [InlineData("p50w-persist2")]
    [InlineData("p50-persist3-fire0")]
    [InlineData("fire2-p50-persist3")]
    public void Parse_NotASettingName_IsNull(string name)
    {
        Assert.Null(AlertSetting.Parse(name, AlertRuleOptions.Default, 96));
    }

    [Fact]
    public void Create_Grid_HoldsTheLiveDefaultsAndUniqueNames()
    {
        var grid = AlertSettingGrid.Create(96, AlertRuleOptions.Default);

        Assert.Contains(grid, s => s.Name == AlertSetting.Of(AlertRuleOptions.Default, 96).Name);
        Assert.Equal(grid.Count, grid.Select(s => s.Name).Distinct().Count());
        Assert.Equal(
            AlertSettingGrid.PersistSteps.Count * AlertSettingGrid.LikelyWithinSteps.Count * AlertSettingGrid.PossibleWithinSteps.Count * AlertSettingGrid.FireAfterEvaluations.Count,
            grid.Count);
    }

    [Fact]
    public void Create_IncludedSettingOutsideTheGrid_IsAddedOnce()
    {
        var extra = AlertSetting.Of(new AlertRuleOptions { PersistSteps = 5, PossibleWithinSteps = 9, LikelyWithinSteps = int.MaxValue, FireAfterEvaluations = 1 }, 96);

        var grid = AlertSettingGrid.Create(96, AlertRuleOptions.Default, extra, extra);

        Assert.Single(grid, s => s.Name == "p90w9-persist5");
    }
}
