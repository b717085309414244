using System.Globalization;
using FleetCast.Core.Profiles;
using FleetCast.Dashboard.Shared;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Engine;

namespace FleetCast.Dashboard.Tabs.Insights;

/// <summary>The Insights tab's display model of one server's explanation, shaped from the numbers the
/// model produced (<see cref="ServerExplanation"/>); nothing here is estimated.</summary>
public sealed record InsightsModel(
    string Server,
    ServerProfile Profile,
    string Forecaster,
    LevelStyle Level,
    double RiskScore,
    IReadOnlyList<FeatureBar> TopFeatures,
    int FeatureCount,
    IReadOnlyList<FeatureBar> StaticWeights,
    IReadOnlyList<FeatureBar> HorizonFeatures,
    IReadOnlyList<AttentionPoint> Attention,
    double HorizonAttentionShare,
    string AttentionSummary,
    string LookbackText,
    IReadOnlyList<CounterfactualRow> Counterfactuals)
{
    /// <summary>Look-back inputs shown in the feature importance chart.</summary>
    public const int TopFeatureCount = 12;

    /// <summary>Horizon (known future) inputs listed in their table.</summary>
    public const int TopHorizonFeatureCount = 6;

    public string ProfileName => ProfileNames.ToWire(Profile);

    public static InsightsModel From(ServerExplanation explanation, ServerDetail detail, string forecaster)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(detail);
        var window = detail.Window;
        var seasonSteps = explanation.Model.Config.SeasonSteps;
        var attention = AttentionTimes(explanation.LookbackAttention, window.LastStepTime, window.StepSeconds);
        return new InsightsModel(
            detail.Row.Name,
            detail.Row.Profile,
            forecaster,
            LevelStyle.Of(detail.Row.Level),
            explanation.RiskScore,
            Bars(explanation.EncoderImportance.OrderByDescending(f => f.Weight).Take(TopFeatureCount), seasonSteps, window.StepSeconds),
            explanation.EncoderImportance.Count,
            Bars(explanation.StaticImportance, seasonSteps, window.StepSeconds),
            Bars(explanation.DecoderImportance.OrderByDescending(f => f.Weight).Take(TopHorizonFeatureCount), seasonSteps, window.StepSeconds),
            attention,
            explanation.HorizonAttentionShare,
            AttentionSummaryText(attention, window.StepSeconds, explanation.HorizonAttentionShare),
            $"{attention.Count} steps × {Duration(window.StepSeconds)} = {Duration((long)attention.Count * window.StepSeconds)} ending {DisplayFormat.DataTime(window.LastStepTime)}",
            explanation.Counterfactuals.Select(c => new CounterfactualRow(c.Metric, c.Edit, c.RiskBefore, c.RiskAfter, c.Text)).ToArray());
    }

    /// <summary>Look-back step p of n is <c>last − (n − 1 − p) × step</c>, oldest first.</summary>
    internal static IReadOnlyList<AttentionPoint> AttentionTimes(IReadOnlyList<double> attention, DateTimeOffset lastStepTime, int stepSeconds) =>
        attention.Select((weight, p) => new AttentionPoint(lastStepTime.AddSeconds(-(double)(attention.Count - 1 - p) * stepSeconds), weight)).ToArray();

    /// <summary>Which look-back steps the forecast leaned on: the most attended step and the share on the last hour.</summary>
    internal static string AttentionSummaryText(IReadOnlyList<AttentionPoint> attention, int stepSeconds, double horizonShare)
    {
        var total = attention.Sum(a => a.Weight);
        if (attention.Count == 0 || total <= 0)
        {
            return "The model paid no attention to the look-back for this forecast.";
        }

        var peak = attention.MaxBy(a => a.Weight)!;
        var lastHourSteps = Math.Clamp(3600 / Math.Max(1, stepSeconds), 1, attention.Count);
        var lastHour = attention.Skip(attention.Count - lastHourSteps).Sum(a => a.Weight) / total;
        return string.Create(CultureInfo.InvariantCulture,
            $"Most attended step: {DisplayFormat.DataTime(peak.Time)} ({peak.Weight * 100:0.0}% of all attention). " +
            $"The last {Duration((long)lastHourSteps * stepSeconds)} of the look-back get {DisplayFormat.Percent(lastHour)} of the look-back's attention; " +
            $"{DisplayFormat.Percent(horizonShare)} of the attention goes to earlier horizon steps instead of the look-back.");
    }

    /// <summary>"mem_used_pct", "time of day (sin)", "mem_used_pct 1 day earlier".</summary>
    internal static string FeatureLabel(string feature, int seasonSteps, int stepSeconds)
    {
        const string seasonPrefix = "season_ago_";
        if (feature.StartsWith(seasonPrefix, StringComparison.Ordinal))
        {
            return $"{feature[seasonPrefix.Length..]} {Duration((long)seasonSteps * stepSeconds)} earlier";
        }

        return feature switch
        {
            "time_of_day_sin" => "time of day (sin)",
            "time_of_day_cos" => "time of day (cos)",
            "day_of_week_sin" => "day of week (sin)",
            "day_of_week_cos" => "day of week (cos)",
            "profile" => "profile",
            "window_scale" => "level and spread of the history read",
            _ => feature,
        };
    }

    /// <summary>"5 min", "2 h", "1 day", "1 h 30 min".</summary>
    internal static string Duration(long seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        if (seconds % 86400 == 0 && seconds > 0)
        {
            var days = (long)span.TotalDays;
            return days == 1 ? "1 day" : $"{days} days";
        }

        if (span.TotalHours >= 1)
        {
            return span.Minutes == 0 ? $"{(long)span.TotalHours} h" : $"{(long)span.TotalHours} h {span.Minutes} min";
        }

        return span.Seconds == 0 ? $"{span.Minutes} min" : $"{(long)span.TotalSeconds} s";
    }

    private static IReadOnlyList<FeatureBar> Bars(IEnumerable<FeatureImportance> importance, int seasonSteps, int stepSeconds) =>
        importance.Select(f => new FeatureBar(f.Feature, FeatureLabel(f.Feature, seasonSteps, stepSeconds), f.Weight)).ToArray();
}
