using System.Globalization;
using FleetCast.Core.Alerts;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>One sensitivity setting of the live alert rule, named after what may raise a critical
/// predictive alert: <c>p50-persist3</c> (p50 over the whole horizon, 3 steps over the threshold),
/// <c>p50w24-persist3</c> (p50 within 24 steps only), <c>p90w12-persist2</c> (p50 over the whole
/// horizon plus the pessimistic quantile, p90 or p10 of a low-is-bad metric, within 12 steps),
/// <c>p50w24-p90w6-persist4</c>; a trailing <c>-fire2</c> when the alert fires only after being found
/// in 2 consecutive evaluations (<see cref="AlertRuleOptions.FireAfterEvaluations"/>; absent for 1).</summary>
public sealed record AlertSetting(string Name, AlertRuleOptions Options)
{
    /// <summary>The setting of <paramref name="options"/>, named for a horizon of <paramref name="horizonSteps"/>
    /// (a p50 window at least as long as the horizon is the whole horizon).</summary>
    public static AlertSetting Of(AlertRuleOptions options, int horizonSteps)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parts = new List<string>(3);
        if (options.LikelyWithinSteps < horizonSteps)
        {
            parts.Add(Invariant($"p50w{options.LikelyWithinSteps}"));
        }

        if (options.PossibleWithinSteps > 0)
        {
            parts.Add(Invariant($"p90w{options.PossibleWithinSteps}"));
        }

        if (parts.Count == 0)
        {
            parts.Add("p50");
        }

        parts.Add(Invariant($"persist{options.PersistSteps}"));
        if (options.FireAfterEvaluations > 1)
        {
            parts.Add(Invariant($"fire{options.FireAfterEvaluations}"));
        }

        return new AlertSetting(string.Join('-', parts), options);
    }

    /// <summary>Parses a name of the form <see cref="Of"/> writes; the options not named in it
    /// (evaluations, hysteresis) are <paramref name="defaults"/>'. Null when it is not such a name.</summary>
    public static AlertSetting? Parse(string name, AlertRuleOptions defaults, int horizonSteps)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var parts = (name ?? string.Empty).Split('-');
        var fireAfter = 1;
        if (parts.Length > 2 && TryStep(parts[^1], "fire", out var fire))
        {
            fireAfter = fire;
            parts = parts[..^1];
        }

        if (parts.Length is < 2 or > 3 || !TryStep(parts[^1], "persist", out var persist))
        {
            return null;
        }

        var likely = int.MaxValue;
        var possible = 0;
        var head = parts[..^1];
        if (head is ["p50"])
        {
            // p50 over the whole horizon only.
        }
        else if (head is [var single] && TryStep(single, "p50w", out var window))
        {
            likely = window;
        }
        else if (head is [var p90] && TryStep(p90, "p90w", out var wide))
        {
            possible = wide;
        }
        else if (head is [var p50, var both] && TryStep(p50, "p50w", out var w50) && TryStep(both, "p90w", out var w90))
        {
            (likely, possible) = (w50, w90);
        }
        else
        {
            return null;
        }

        return Of(defaults with { PersistSteps = persist, LikelyWithinSteps = likely, PossibleWithinSteps = possible, FireAfterEvaluations = fireAfter }, horizonSteps);
    }

    private static bool TryStep(string text, string prefix, out int steps)
    {
        steps = 0;
        return text.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out steps)
            && steps >= 1;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
