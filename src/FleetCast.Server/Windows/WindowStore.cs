using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;
using FleetCast.Server.Storage;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Windows;

/// <summary>
/// Rolling windows of every server on the model step. One lock guards all rings: a batch is applied
/// whole before any capture sees it, and a capture is a consistent copy of the whole fleet. Captures
/// are rare (one per model step) and produce about 32 MB at 1,000 servers × 576 steps; each ring
/// reuses its previous copy and converts only the new steps, so the lock is held for milliseconds.
/// </summary>
/// <remarks>A re-sent (server, second) replaces the earlier one, as in the sample store: with a sample
/// store the step is re-read from it (batches are committed before they are applied). Without one
/// (tests, benchmarks) the first version of a second is kept.</remarks>
public sealed class WindowStore : IWindowStore
{
    private const int RebuildChunk = 8_192;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ServerRing> _servers = new(StringComparer.Ordinal);
    private readonly ProfileRules _profileRules;
    private readonly ISampleStore? _sampleStore;
    private int _serverCount;
    private int _readyCount;
    private long _latestUnixMs = long.MinValue;

    public WindowStore(WindowStoreOptions? options = null, ProfileRules? profileRules = null, ISampleStore? sampleStore = null)
    {
        Options = options ?? new WindowStoreOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid window options: " + string.Join(" ", errors), nameof(options));
        }

        _profileRules = profileRules ?? ProfileRules.Default;
        _sampleStore = sampleStore;
    }

    public WindowStoreOptions Options { get; }

    public DateTimeOffset? LatestDataTime
    {
        get
        {
            var ms = Volatile.Read(ref _latestUnixMs);
            return ms == long.MinValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
    }

    public int ServerCount => Volatile.Read(ref _serverCount);

    public int ReadyCount => Volatile.Read(ref _readyCount);

    public void Apply(IReadOnlyList<MetricSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        lock (_gate)
        {
            var latest = _latestUnixMs;
            HashSet<(ServerRing Ring, long Step)>? resent = null;
            foreach (var sample in samples)
            {
                if (!_servers.TryGetValue(sample.Server, out var ring))
                {
                    var profile = sample.Profile ?? _profileRules.Resolve(sample.Server);
                    ring = new ServerRing(sample.Server, profile, Options.StepSeconds, Options.WindowSteps);
                    _servers.Add(sample.Server, ring);
                }

                var wasReady = ring.FilledSteps >= Options.LookbackSteps;
                if (ring.Apply(sample) == RingApplyOutcome.Duplicate && _sampleStore is not null)
                {
                    (resent ??= []).Add((ring, ring.StepOf(sample.Timestamp.ToUnixTimeSeconds(), out _)));
                }

                UpdateReady(wasReady, ring);
                latest = Math.Max(latest, sample.Timestamp.ToUnixTimeMilliseconds());
            }

            if (resent is not null)
            {
                ReplaceFromStore(resent);
            }

            Volatile.Write(ref _serverCount, _servers.Count);
            Volatile.Write(ref _latestUnixMs, latest);
        }
    }

    /// <summary>Re-sent steps that could not be re-read from the sample store (they keep the first version).</summary>
    public int FailedRereads { get; private set; }

    /// <summary>Re-reads each step that received a re-sent second, so the stored (last) version counts.</summary>
    private void ReplaceFromStore(HashSet<(ServerRing Ring, long Step)> resent)
    {
        foreach (var (ring, step) in resent)
        {
            var from = DateTimeOffset.FromUnixTimeSeconds(step * Options.StepSeconds);
            IReadOnlyList<MetricSample> stored;
            try
            {
                stored = _sampleStore!.ReadServer(ring.Server, from, from.AddSeconds(Options.StepSeconds - 1));
            }
            catch (SqliteException)
            {
                // The batch is already committed, so the ingest must not fail here: the step keeps the
                // first version until the next re-send or restart (which rebuilds from storage).
                FailedRereads++;
                continue;
            }

            var wasReady = ring.FilledSteps >= Options.LookbackSteps;
            ring.ReplaceStep(step, stored);
            UpdateReady(wasReady, ring);
        }
    }

    private void UpdateReady(bool wasReady, ServerRing ring)
    {
        var isReady = ring.FilledSteps >= Options.LookbackSteps;
        if (wasReady != isReady)
        {
            _readyCount += isReady ? 1 : -1;
        }
    }

    public IReadOnlyList<WindowView> Capture(DateTimeOffset asOf)
    {
        var endStep = (long)Math.Floor(asOf.ToUnixTimeSeconds() / (double)Options.StepSeconds);
        lock (_gate)
        {
            var views = new WindowView[_servers.Count];
            var i = 0;
            foreach (var ring in _servers.Values)
            {
                views[i++] = ring.Capture(endStep);
            }

            Array.Sort(views, static (a, b) => string.CompareOrdinal(a.Server, b.Server));
            return views;
        }
    }

    /// <summary>Restores the windows after a restart from the samples stored since <paramref name="from"/>.</summary>
    /// <returns>Number of samples read.</returns>
    public int RebuildFrom(ISampleStore store, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(store);
        var chunk = new List<MetricSample>(RebuildChunk);
        var total = 0;
        foreach (var sample in store.ReadSince(from))
        {
            chunk.Add(sample);
            if (chunk.Count == RebuildChunk)
            {
                Apply(chunk);
                total += chunk.Count;
                chunk.Clear();
            }
        }

        Apply(chunk);
        return total + chunk.Count;
    }

    /// <summary>Where a rebuild should start so that a full window is restored, given the newest data time.</summary>
    public DateTimeOffset RebuildStart(DateTimeOffset newestDataTime) =>
        newestDataTime.AddSeconds(-(double)Options.StepSeconds * Options.WindowSteps);
}
