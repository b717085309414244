using FleetCast.Core.Alerts;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>The alert sensitivity settings <c>fleetcast evaluate</c> sweeps: every persistence with
/// every p50 window, every pessimistic-quantile window and every fire-after count below (432 settings).</summary>
public static class AlertSettingGrid
{
    public static readonly IReadOnlyList<int> PersistSteps = [1, 2, 3, 4, 6, 8, 12, 18, 24];

    /// <summary>How far ahead p50 crossings count; <see cref="int.MaxValue"/> is the whole horizon.</summary>
    public static readonly IReadOnlyList<int> LikelyWithinSteps = [int.MaxValue, 48, 24, 12];

    /// <summary>How far ahead the pessimistic quantile may alert; 0 is never (p50 only).</summary>
    public static readonly IReadOnlyList<int> PossibleWithinSteps = [0, 3, 6, 12];

    /// <summary>Consecutive evaluations that must find an alert before it fires: with evaluations at every
    /// step, 2 or 3 keep a one-step excursion of a forecast from paging.</summary>
    public static readonly IReadOnlyList<int> FireAfterEvaluations = [1, 2, 3];

    /// <summary>The grid, plus <paramref name="include"/> (e.g. the live defaults or a chosen operating
    /// point) when it is not already in it; names are unique.</summary>
    public static IReadOnlyList<AlertSetting> Create(int horizonSteps, AlertRuleOptions defaults, params IEnumerable<AlertSetting> include)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var settings = new List<AlertSetting>();
        foreach (var likely in LikelyWithinSteps)
        {
            foreach (var possible in PossibleWithinSteps)
            {
                foreach (var persist in PersistSteps)
                {
                    foreach (var fireAfter in FireAfterEvaluations)
                    {
                        settings.Add(AlertSetting.Of(
                            defaults with { PersistSteps = persist, LikelyWithinSteps = likely, PossibleWithinSteps = possible, FireAfterEvaluations = fireAfter },
                            horizonSteps));
                    }
                }
            }
        }

        settings.AddRange(include);
        return [.. settings.DistinctBy(s => s.Name, StringComparer.Ordinal)];
    }
}
