using FleetCast.Core.Alerts;

namespace FleetCast.Core.Costs;

/// <summary>The cost-avoidance estimate from alert outcomes: avoided = N × share acted on × typical outage hours ×
/// cost per hour, where N counts the critical alerts that came true at least <c>minimumLead</c> (one engine step)
/// after they fired, i.e. the outages someone had time to prevent. An estimate, never a measurement.</summary>
public static class CostAvoidanceCalculator
{
    /// <summary>The formula as the API and the dashboard state it.</summary>
    public static string Formula(TimeSpan minimumLead) =>
        "avoided = N × shareActedOn × outageHours × costPerHour, where N = critical predictive alerts started in the period " +
        $"whose predicted crossing came true at least {FormatLead(minimumLead)} (one engine step) after the alert fired " +
        "(lead = crossing time − alert start).";

    /// <param name="log">The period's predictive alerts.</param>
    /// <param name="inputs">The installation's figures; null gives the counts without an estimate (as do figures whose
    /// product is not finite).</param>
    /// <param name="minimumLead">Least warning time that lets someone act (one engine step).</param>
    public static CostAvoidanceReport Calculate(IEnumerable<AlertOutcomeEntry> log, CostInputs? inputs, TimeSpan minimumLead)
    {
        ArgumentNullException.ThrowIfNull(log);
        var entries = log.ToList();
        var criticalLeads = Leads(entries, AlertSeverity.Critical);
        var counted = criticalLeads.Count(lead => lead >= minimumLead);
        return new CostAvoidanceReport(
            Count(entries, AlertOutcome.CameTrue),
            Count(entries, AlertOutcome.DidNotHappen),
            Count(entries, AlertOutcome.Open),
            MedianMinutes(Leads(entries, AlertSeverity.Warning)),
            MedianMinutes(criticalLeads),
            counted,
            criticalLeads.Count - counted,
            inputs is null ? null : Estimate(counted, inputs));
    }

    /// <summary>Null when the figures multiply beyond a double (inputs stored before their limits): a JSON number
    /// must be finite.</summary>
    private static double? Estimate(int counted, CostInputs inputs)
    {
        var avoided = Math.Round(counted * inputs.ShareActedOn * inputs.OutageHours * inputs.CostPerHour, 2);
        return double.IsFinite(avoided) ? avoided : null;
    }

    private static SeverityCounts Count(List<AlertOutcomeEntry> entries, AlertOutcome outcome) => new(
        entries.Count(e => e.Outcome == outcome && e.Severity == AlertSeverity.Warning),
        entries.Count(e => e.Outcome == outcome && e.Severity == AlertSeverity.Critical));

    private static List<TimeSpan> Leads(List<AlertOutcomeEntry> entries, AlertSeverity severity) =>
        [.. entries.Where(e => e.Severity == severity && e.Lead is not null).Select(e => e.Lead!.Value)];

    private static double? MedianMinutes(List<TimeSpan> leads)
    {
        if (leads.Count == 0)
        {
            return null;
        }

        var minutes = leads.Select(l => l.TotalMinutes).Order().ToArray();
        var middle = minutes.Length / 2;
        return minutes.Length % 2 == 1 ? minutes[middle] : (minutes[middle - 1] + minutes[middle]) / 2;
    }

    private static string FormatLead(TimeSpan lead) =>
        lead.TotalMinutes >= 1 && lead.Seconds == 0 ? $"{lead.TotalMinutes:0.##} min" : $"{lead.TotalSeconds:0.##} s";
}
