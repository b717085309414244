using System.Globalization;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>The best injected recall an alert curve reaches within each false-alert budget
/// (critical false alerts per server-day), and the setting that reaches it.</summary>
public sealed record RecallAtBudget(IReadOnlyDictionary<string, double> Recall, IReadOnlyDictionary<string, string?> Setting)
{
    public static readonly IReadOnlyList<double> Budgets = [0.1, 0.2, 0.5];

    /// <summary>Key of a budget in the report ("0.2").</summary>
    public static string Key(double budget) => budget.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Per budget: the highest recall among points whose false alert rate is within it (ties go to
    /// fewer false alerts, then to the earlier point); recall 0 and no setting when no point qualifies.</summary>
    public static RecallAtBudget From(IReadOnlyList<AlertCurvePoint> curve, IReadOnlyList<double>? budgets = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var recall = new Dictionary<string, double>(StringComparer.Ordinal);
        var setting = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var budget in budgets ?? Budgets)
        {
            var best = curve
                .Where(p => p.FalseAlertsPerServerDay <= budget)
                .OrderByDescending(p => p.InjectedRecall)
                .ThenBy(p => p.FalseAlertsPerServerDay)
                .FirstOrDefault();
            recall[Key(budget)] = best?.InjectedRecall ?? 0;
            setting[Key(budget)] = best?.Setting;
        }

        return new RecallAtBudget(recall, setting);
    }
}
