using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Data;

/// <summary>Monotonic counters (<c>uptime_days</c>) are projected, not forecast: every quantile of every
/// horizon step is the last value plus the counter's recent rate per step. A network or a smoother that
/// forecasts a counter invents drops (reboots) that nothing announced, and its bands mean nothing.</summary>
public static class CounterProjection
{
    /// <summary>The rate is the median step-to-step increase over this many recent steps, so one reboot
    /// (a drop) or one gap (no increase) in them does not change it.</summary>
    public const int RateSteps = 12;

    /// <summary>True for a metric that is projected rather than forecast: it has no uncertainty to score, so
    /// accuracy (pinball, coverage, MAE), in evaluation and live, leaves it out.</summary>
    public static bool IsProjected(Metric metric) => MetricCatalog.Get(metric).Kind == MetricKind.Counter;

    /// <summary>Overwrites the counter metrics of <paramref name="forecast"/> (made from <paramref name="window"/>)
    /// with their projection; metrics the window never observed are left as they are.</summary>
    public static void Apply(ServerWindow window, ServerForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(forecast);
        foreach (var definition in MetricCatalog.All)
        {
            if (definition.Kind != MetricKind.Counter || !window.Observed[(int)definition.Id] || window.Length == 0)
            {
                continue;
            }

            var last = window[window.Length - 1, definition.Id];
            var rate = Rate(window, definition.Id);
            for (var q = 0; q < forecast.Quantiles.Length; q++)
            {
                var series = forecast.Values.AsSpan(((q * MetricCatalog.Count) + (int)definition.Id) * forecast.HorizonSteps, forecast.HorizonSteps);
                for (var h = 0; h < series.Length; h++)
                {
                    series[h] = (float)(last + ((h + 1) * rate));
                }
            }
        }
    }

    /// <summary>Median non-negative step-to-step change over the last <see cref="RateSteps"/> steps (0 with fewer than two steps).</summary>
    public static double Rate(ServerWindow window, Metric metric)
    {
        ArgumentNullException.ThrowIfNull(window);
        var steps = Math.Min(RateSteps, window.Length - 1);
        if (steps < 1)
        {
            return 0;
        }

        var changes = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            var t = window.Length - steps + i;
            changes[i] = Math.Max(0, (double)window[t, metric] - window[t - 1, metric]);
        }

        Array.Sort(changes);
        return steps % 2 == 1 ? changes[steps / 2] : (changes[(steps / 2) - 1] + changes[steps / 2]) / 2;
    }
}
