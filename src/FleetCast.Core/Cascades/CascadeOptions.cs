namespace FleetCast.Core.Cascades;

/// <summary>When <see cref="CascadeDetector"/> calls anomalies a cascade. Steps count detector steps (one per
/// engine step).</summary>
public sealed record CascadeOptions
{
    public static CascadeOptions Default { get; } = new();

    /// <summary>A server is anomalous at a step when its <see cref="AnomalyScore.Score"/> reaches this.</summary>
    public double AnomalyThreshold { get; init; } = 4;

    /// <summary>A server of the profile the anomalous servers depend on joins a new cascade as a possible root when its
    /// mean score over the last <see cref="OnsetWindowSteps"/> steps reaches this lower level: the breadth of its
    /// dependents' trouble is already evidence against it, and a sustained rise says more than one spike.</summary>
    public double RootThreshold { get; init; } = 2;

    /// <summary>Share of the live servers depending on a profile that must have become anomalous within
    /// <see cref="OnsetWindowSteps"/> for a cascade to open: trouble on a few of many servers happens all the time.</summary>
    public double MinDependentShare { get; init; } = 0.2;

    /// <summary>A cascade stays active while at least this share of the live servers depending on its profile
    /// (and at least <see cref="MinServers"/>) of its servers are anomalous.</summary>
    public double KeepDependentShare { get; init; } = 0.08;

    /// <summary>A server's anomaly lasts through dips shorter than this many steps.</summary>
    public int HoldSteps { get; init; } = 3;

    /// <summary>Anomalies that began within this many steps of each other count as spreading together.</summary>
    public int OnsetWindowSteps { get; init; } = 6;

    /// <summary>Fewest servers (possible roots included) for a cascade to open or stay active.</summary>
    public int MinServers { get; init; } = 3;

    /// <summary>Fewest distinct profiles among them (anomalies of one profile alone are not a cascade).</summary>
    public int MinProfiles { get; init; } = 2;

    /// <summary>A cascade ends after this many steps with fewer than <see cref="MinServers"/> of its servers anomalous.</summary>
    public int CloseAfterQuietSteps { get; init; } = 6;

    public int MaxRootCandidates { get; init; } = 3;

    public int MediumServers { get; init; } = 5;

    public int HighServers { get; init; } = 10;

    /// <summary>Every problem with these options, naming the field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(AnomalyThreshold > 0))
        {
            errors.Add($"{nameof(AnomalyThreshold)} must be above 0; got {AnomalyThreshold}.");
        }

        if (!(RootThreshold > 0) || RootThreshold > AnomalyThreshold)
        {
            errors.Add($"{nameof(RootThreshold)} must be above 0 and at most {nameof(AnomalyThreshold)}; got {RootThreshold}.");
        }

        if (!(MinDependentShare is >= 0 and <= 1))
        {
            errors.Add($"{nameof(MinDependentShare)} must be between 0 and 1; got {MinDependentShare}.");
        }

        if (!(KeepDependentShare >= 0) || KeepDependentShare > MinDependentShare)
        {
            errors.Add($"{nameof(KeepDependentShare)} must be between 0 and {nameof(MinDependentShare)}; got {KeepDependentShare}.");
        }

        CheckAtLeast(errors, nameof(HoldSteps), HoldSteps, 1);
        CheckAtLeast(errors, nameof(OnsetWindowSteps), OnsetWindowSteps, 1);
        CheckAtLeast(errors, nameof(MinServers), MinServers, 2);
        CheckAtLeast(errors, nameof(MinProfiles), MinProfiles, 2);
        CheckAtLeast(errors, nameof(CloseAfterQuietSteps), CloseAfterQuietSteps, 1);
        CheckAtLeast(errors, nameof(MaxRootCandidates), MaxRootCandidates, 1);
        CheckAtLeast(errors, nameof(MediumServers), MediumServers, MinServers);
        CheckAtLeast(errors, nameof(HighServers), HighServers, MediumServers);
        return errors;
    }

    public CascadeSeverity SeverityOf(int peakServers) =>
        peakServers >= HighServers ? CascadeSeverity.High : peakServers >= MediumServers ? CascadeSeverity.Medium : CascadeSeverity.Low;

    private static void CheckAtLeast(List<string> errors, string name, int value, int minimum)
    {
        if (value < minimum)
        {
            errors.Add($"{name} must be at least {minimum}; got {value}.");
        }
    }
}
