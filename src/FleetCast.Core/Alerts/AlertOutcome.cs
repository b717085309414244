namespace FleetCast.Core.Alerts;

/// <summary>Whether a predictive alert's crossing happened within its horizon (wire names open, came-true, did-not-happen).</summary>
public enum AlertOutcome
{
    Open,
    CameTrue,
    DidNotHappen,
}
