using FleetCast.Core.Alerts;
using FleetCast.Core.Scoring;

namespace FleetCast.Core.Assessment;

/// <summary>One step's judgement of the servers assessed: each server's risk (score, level, factors) and
/// the alerts, both from the same evaluation.</summary>
/// <param name="Risks">Per server assessed (ordinal names).</param>
/// <param name="Transitions">Alert lifecycle changes to store, ordered by server.</param>
/// <param name="Active">Every firing alert after this step (servers not assessed keep theirs).</param>
public sealed record FleetAssessment(
    IReadOnlyDictionary<string, RiskAssessment> Risks,
    IReadOnlyList<AlertTransition> Transitions,
    IReadOnlyCollection<ActiveAlert> Active);
