namespace FleetCast.Core.Costs;

/// <summary>What the stored alert outcomes of a period say, and the estimate they give with the inputs.</summary>
/// <param name="CameTrue">Predictive alerts whose crossing happened within the horizon.</param>
/// <param name="DidNotHappen">Predictive alerts whose horizon passed without the crossing.</param>
/// <param name="Open">Predictive alerts not settled yet.</param>
/// <param name="MedianLeadMinutesWarning">Median lead of the warnings that came true; null if none did.</param>
/// <param name="MedianLeadMinutesCritical">Median lead of the critical alerts that came true; null if none did.</param>
/// <param name="Counted">The N of the formula: critical alerts that came true with at least the minimum lead.</param>
/// <param name="TooLate">Critical alerts that came true with less than the minimum lead (not counted).</param>
/// <param name="Estimate">N × share acted on × outage hours × cost per hour, rounded to 2 decimals; null without inputs.</param>
public sealed record CostAvoidanceReport(
    SeverityCounts CameTrue,
    SeverityCounts DidNotHappen,
    SeverityCounts Open,
    double? MedianLeadMinutesWarning,
    double? MedianLeadMinutesCritical,
    int Counted,
    int TooLate,
    double? Estimate);
