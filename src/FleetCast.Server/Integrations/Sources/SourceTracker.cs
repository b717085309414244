namespace FleetCast.Server.Integrations.Sources;

/// <summary>The live state of one source: written by its poll loop, read by the status route.</summary>
public sealed class SourceTracker(IMetricSource source)
{
    public const string Pending = "pending";
    public const string Up = "up";
    public const string Down = "down";

    private readonly Lock _lock = new();
    private string _state = Pending;
    private DateTimeOffset? _lastSuccess;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private int _failures;

    public IMetricSource Source { get; } = source;

    /// <summary>Records a successful read; returns the state before it.</summary>
    public string RecordSuccess(DateTimeOffset at)
    {
        lock (_lock)
        {
            var before = _state;
            _state = Up;
            _lastSuccess = at;
            _failures = 0;
            return before;
        }
    }

    /// <summary>Records a failed read; returns the state before it and the failures in a row, this one included.</summary>
    public (string Before, int Failures) RecordFailure(string error, DateTimeOffset at)
    {
        lock (_lock)
        {
            var before = _state;
            _state = Down;
            _lastError = error;
            _lastErrorAt = at;
            return (before, ++_failures);
        }
    }

    public SourceStatus Status()
    {
        lock (_lock)
        {
            return new SourceStatus(Source.Name, Source.Kind, Source.Url.ToString(), _state, _lastSuccess, _lastError, _lastErrorAt, _failures);
        }
    }
}
