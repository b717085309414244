using FleetCast.Core.Datasets;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Thresholds;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>Recovery bias measured without hindsight: among forecasts made while a metric is in a sustained
/// critical state (<see cref="ForecastRegime.SustainedCritical"/>: its newest reported look-back values at or
/// beyond the critical threshold), the share of the next <see cref="Steps"/> steps at which p50 is still
/// critical, against the share at which the metric actually was. A forecaster without a bias toward recovery
/// forecasts "still critical" about as often as it happens; <see cref="PersistentCriticalRecovery"/> instead
/// picks the cases that did stay critical, which no forecast made at the origin can know. The share of those steps
/// whose actual value lies beyond p50 on the critical side (<see cref="BeyondMedianShare"/>) is the bias of the
/// median itself: 50 % for a median without bias, more when the forecast expects recovery too soon.</summary>
internal sealed class SustainedCriticalOutlook
{
    /// <summary>30 minutes at 5-minute steps.</summary>
    public const int Steps = 6;

    public int Cases { get; private set; }

    private int _scoredSteps;
    private int _forecastCritical;
    private int _actualCritical;
    private double _beyondMedian;

    /// <summary>Share of scored steps whose p50 is at or beyond the threshold; null without a case.</summary>
    public double? ForecastStayShare => _scoredSteps > 0 ? (double)_forecastCritical / _scoredSteps : null;

    /// <summary>Share of scored steps whose actual value is; null without a case.</summary>
    public double? ActualStayShare => _scoredSteps > 0 ? (double)_actualCritical / _scoredSteps : null;

    /// <summary>Share of scored steps whose actual value lies beyond p50 toward critical (a tie counts half);
    /// null without a case.</summary>
    public double? BeyondMedianShare => _scoredSteps > 0 ? _beyondMedian / _scoredSteps : null;

    /// <summary>Counts <paramref name="metric"/> at <paramref name="origin"/> (the newest look-back step) when
    /// <paramref name="regime"/> is sustained critical; steps without an actual value are not scored.</summary>
    public void Add(ServerSeries actual, int origin, Metric metric, MetricThresholds thresholds, ServerForecast forecast, ForecastRegime regime)
    {
        if (regime != ForecastRegime.SustainedCritical || thresholds.Critical is not { } critical || forecast.HorizonSteps < Steps)
        {
            return;
        }

        var p50 = forecast.Series(forecast.QuantileIndex(0.5), metric);
        var scored = 0;
        for (var h = 0; h < Steps && origin + 1 + h < actual.Length; h++)
        {
            var v = actual[origin + 1 + h, metric];
            if (!float.IsFinite(v))
            {
                continue;
            }

            scored++;
            _actualCritical += thresholds.Reaches(v, critical) ? 1 : 0;
            _forecastCritical += float.IsFinite(p50[h]) && thresholds.Reaches(p50[h], critical) ? 1 : 0;
            _beyondMedian += !float.IsFinite(p50[h]) ? 0.5 : v == p50[h] ? 0.5 : thresholds.Reaches(v, p50[h]) ? 1 : 0;
        }

        _scoredSteps += scored;
        Cases += scored > 0 ? 1 : 0;
    }
}
