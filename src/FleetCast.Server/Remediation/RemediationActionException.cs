namespace FleetCast.Server.Remediation;

public enum RemediationActionError
{
    Invalid,
    NotFound,
    NotPending,
}

/// <summary>An approval or rejection that cannot be done: bad input (<see cref="Errors"/> by field), no such
/// action, or an action no longer pending (already decided, expired, or not an approval rule's).</summary>
public sealed class RemediationActionException : Exception
{
    public RemediationActionException(RemediationActionError kind, string message, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(message)
    {
        Kind = kind;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public RemediationActionError Kind { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
