namespace FleetCast.Server.Alerting;

/// <summary>An acknowledgement or silence was refused; nothing was changed.</summary>
public sealed class AlertActionException : Exception
{
    public AlertActionException(AlertActionError kind, string message, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(message)
    {
        Kind = kind;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public AlertActionError Kind { get; }

    /// <summary>For <see cref="AlertActionError.Invalid"/>: messages keyed by field name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static AlertActionException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(AlertActionError.Invalid, string.Join(" ", errors.SelectMany(e => e.Value)), errors);
}

public enum AlertActionError
{
    /// <summary>A field is missing or out of range (see <see cref="AlertActionException.Errors"/>).</summary>
    Invalid,

    /// <summary>The alert is not firing now.</summary>
    AlertNotFound,

    /// <summary>No silence has that id.</summary>
    SilenceNotFound,

    /// <summary>The silence has already expired or been cancelled.</summary>
    SilenceNotActive,
}
