using FleetCast.Core.Metrics;

namespace FleetCast.Core.Thresholds;

/// <summary>Classifies a display value against the one threshold table, with the word people read for each class.</summary>
public static class HeatClassifier
{
    public static HeatClass Classify(MetricThresholds thresholds, DisplayMetricCatalog.Definition metric, double? displayValue)
    {
        if (displayValue is not { } display || !double.IsFinite(display))
        {
            return HeatClass.NoData;
        }

        var value = metric.InvertFromIdle ? 100 - display : display;
        if (thresholds.Critical is { } critical && thresholds.Reaches(value, critical))
        {
            return HeatClass.Critical;
        }

        if (thresholds.Warning is { } warning && thresholds.Reaches(value, warning))
        {
            return HeatClass.Warning;
        }

        return thresholds.CurrentPoints(value) > 0 ? HeatClass.Elevated : HeatClass.Normal;
    }

    public static string Label(HeatClass heat) => heat switch
    {
        HeatClass.NoData => "no data",
        HeatClass.Normal => "normal",
        HeatClass.Elevated => "elevated",
        HeatClass.Warning => "warning",
        _ => "critical",
    };
}
