using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;
using FleetCast.Core.Windows;

namespace FleetCast.Server.Windows;

/// <summary>In-memory rolling windows per server on the model step (mean for gauges, last for counters).
/// Updated only after samples are committed; rebuilt from storage on start. Thread-safe.</summary>
public interface IWindowStore
{
    void Apply(IReadOnlyList<MetricSample> samples);

    /// <summary>Newest data time seen across the fleet (null before any sample).</summary>
    DateTimeOffset? LatestDataTime { get; }

    int ServerCount { get; }

    /// <summary>Servers whose window holds at least the look-back number of steps with real samples.</summary>
    int ReadyCount { get; }

    /// <summary>A consistent copy of every server's window ending at the step containing <paramref name="asOf"/>.</summary>
    IReadOnlyList<WindowView> Capture(DateTimeOffset asOf);
}

/// <summary>One server's window at capture time plus what the engine needs about it.</summary>
/// <param name="FilledSteps">Steps that hold at least one real sample (for warm-up progress).</param>
/// <remarks>A server with no sample inside the captured window (it stopped reporting long ago) comes back with
/// an empty window (Length 0) and FilledSteps 0, so it can still be listed as stale.</remarks>
public sealed record WindowView(string Server, ServerProfile Profile, ServerWindow Window, DateTimeOffset LastSeen, int FilledSteps);
