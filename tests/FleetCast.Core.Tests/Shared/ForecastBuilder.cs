using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;

namespace FleetCast.Core.Tests.Shared;

/// <summary>Builds <see cref="ServerForecast"/>s for tests: flat at given values, with per-metric
/// series (a function of the 1-based step) and a symmetric p10/p90 spread around p50.</summary>
internal sealed class ForecastBuilder
{
    public static readonly DateTimeOffset Origin = new(2026, 11, 28, 14, 0, 0, TimeSpan.Zero);

    private readonly int _horizon;
    private readonly int _stepSeconds;
    private readonly double[] _quantiles;
    private readonly float[] _values;
    private string _server = "srv001";

    public ForecastBuilder(int horizon = 96, int stepSeconds = 300, double[]? quantiles = null)
    {
        _horizon = horizon;
        _stepSeconds = stepSeconds;
        _quantiles = quantiles ?? ServerForecast.StandardQuantiles;
        _values = new float[_quantiles.Length * MetricCatalog.Count * horizon];
    }

    /// <summary>Every quantile of every metric flat at <paramref name="values"/> (NaN stays NaN).</summary>
    public ForecastBuilder Flat(IReadOnlyList<double> values)
    {
        foreach (var metric in Enum.GetValues<Metric>())
        {
            Series(metric, _ => values[(int)metric]);
        }

        return this;
    }

    /// <summary>p50 = <paramref name="median"/>(step); other quantiles shifted by <paramref name="spread"/>
    /// times their side (p10 = p50 − spread, p90 = p50 + spread).</summary>
    public ForecastBuilder Series(Metric metric, Func<int, double> median, double spread = 0)
    {
        foreach (var q in _quantiles)
        {
            var offset = Math.Sign(q - 0.5) * spread;
            Quantile(metric, q, step => median(step) + offset);
        }

        return this;
    }

    /// <summary>One quantile of one metric as a function of the 1-based step.</summary>
    public ForecastBuilder Quantile(Metric metric, double quantile, Func<int, double> value)
    {
        var qi = Array.FindIndex(_quantiles, q => Math.Abs(q - quantile) < 1e-9);
        var start = ((qi * MetricCatalog.Count) + (int)metric) * _horizon;
        for (var h = 1; h <= _horizon; h++)
        {
            _values[start + h - 1] = (float)value(h);
        }

        return this;
    }

    public ForecastBuilder Server(string server)
    {
        _server = server;
        return this;
    }

    public ServerForecast Build() =>
        new(_server, "test", Origin, _stepSeconds, _quantiles, _horizon, (float[])_values.Clone());

    public static ServerForecast FlatAt(IReadOnlyList<double> values, int horizon = 96, int stepSeconds = 300) =>
        new ForecastBuilder(horizon, stepSeconds).Flat(values).Build();

    /// <summary>Flat at <paramref name="baseline"/> except <paramref name="metric"/>, whose p50 moves in a
    /// straight line from <paramref name="from"/> at step 1 to <paramref name="to"/> at the last step.</summary>
    public static ServerForecast Ramp(IReadOnlyList<double> baseline, Metric metric, double from, double to, int horizon = 96, int stepSeconds = 300, double spread = 0) =>
        new ForecastBuilder(horizon, stepSeconds)
            .Flat(baseline)
            .Series(metric, h => horizon == 1 ? to : from + ((to - from) * (h - 1) / (horizon - 1)), spread)
            .Build();
}
