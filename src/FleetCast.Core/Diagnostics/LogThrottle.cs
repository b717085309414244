namespace FleetCast.Core.Diagnostics;

/// <summary>At most one log line per reason per interval: a client retrying with a wrong key (or a scan), or a
/// forecaster failing every step, must not fill the log. The line that is written says how many were left out.</summary>
public sealed class LogThrottle(TimeProvider time, TimeSpan interval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset Last, long Suppressed)> _byReason = new(StringComparer.Ordinal);

    /// <summary>True when a line for <paramref name="reason"/> may be written now; <paramref name="suppressed"/>
    /// is how many were left out since the last one.</summary>
    public bool ShouldLog(string reason, out long suppressed)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_byReason.TryGetValue(reason, out var entry) && now - entry.Last < interval)
            {
                _byReason[reason] = entry with { Suppressed = entry.Suppressed + 1 };
                suppressed = 0;
                return false;
            }

            suppressed = entry.Suppressed;
            _byReason[reason] = (now, 0);
            return true;
        }
    }
}
