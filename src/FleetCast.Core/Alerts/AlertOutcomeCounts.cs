namespace FleetCast.Core.Alerts;

/// <summary>Outcomes of the predictive alerts of one severity: one per lifecycle, at the severity of its claim
/// (the highest it predicted before the claim settled).</summary>
/// <param name="Precision">CameTrue / (CameTrue + DidNotHappen); null until one has settled.</param>
public sealed record AlertOutcomeCounts(AlertSeverity Severity, int Predicted, int Open, int CameTrue, int DidNotHappen)
{
    /// <summary>No prediction yet, one entry per severity in severity order (warning, critical).</summary>
    public static IReadOnlyList<AlertOutcomeCounts> None { get; } = [new(AlertSeverity.Warning, 0, 0, 0, 0), new(AlertSeverity.Critical, 0, 0, 0, 0)];

    public double? Precision => CameTrue + DidNotHappen > 0 ? (double)CameTrue / (CameTrue + DidNotHappen) : null;

    public AlertOutcomeCounts Add(AlertOutcome outcome, int count = 1) => outcome switch
    {
        AlertOutcome.Open => this with { Predicted = Predicted + count, Open = Open + count },
        AlertOutcome.CameTrue => this with { Open = Open - count, CameTrue = CameTrue + count },
        _ => this with { Open = Open - count, DidNotHappen = DidNotHappen + count },
    };
}
