using FleetCast.Core.Metrics;
using FleetCast.Forecasting.Baselines;
using FleetCast.Forecasting.Data;
using FleetCast.Forecasting.Tests.Shared;

namespace FleetCast.Forecasting.Tests.Data;

public sealed class CounterProjectionTests
{
    private const float DayPerStep = 300f / 86_400f;

    [Fact]
    public void Rate_RebootAndGapAmongRecentSteps_IsTheMedianIncrease()
    {
        // Uptime grows one step per step, resets to 0 at step 40 (reboot) and repeats itself at step 45 (a gap).
        var window = TestSeries.Window(48, (t, m) => m == (int)Metric.UptimeDays ? Uptime(t) : 10f);

        Assert.Equal(DayPerStep, CounterProjection.Rate(window, Metric.UptimeDays), 6);
    }

    [Theory]
    [InlineData("linear-trend")]
    [InlineData("seasonal-naive")]
    [InlineData("holt-winters")]
    public void Forecast_Baselines_ProjectUptimeDeterministicallyInEveryQuantile(string name)
    {
        IForecaster forecaster = name switch
        {
            "linear-trend" => new LinearTrendForecaster(),
            "seasonal-naive" => new SeasonalNaiveForecaster(),
            _ => new HoltWintersForecaster(),
        };
        var window = TestSeries.Window(600, (t, m) => m == (int)Metric.UptimeDays ? 30 + (t * DayPerStep) : 10f);
        var last = window[window.Length - 1, Metric.UptimeDays];

        var forecast = forecaster.Forecast([window], 96).Single();

        foreach (var quantile in forecast.Quantiles)
        {
            var series = forecast.Series(quantile, Metric.UptimeDays).ToArray();
            Assert.Equal(last + DayPerStep, series[0], 4);
            Assert.Equal(last + (96 * DayPerStep), series[95], 3); // the rate comes from float differences: seconds over 8 h
        }
    }

    private static float Uptime(int t) => t switch
    {
        < 40 => 5 + (t * DayPerStep),
        45 => (t - 41) * DayPerStep,
        _ => (t - 40) * DayPerStep,
    };
}
