namespace FleetCast.Core.Remediation;

/// <summary>What a rule does when it matches: only record what would run (the default), wait for a person's
/// approval, or run at once.</summary>
public enum RemediationMode
{
    DryRun,
    Approval,
    Automatic,
}
