using FleetCast.Core.Cascades;
using FleetCast.Server.Storage;
using FleetCast.Server.Windows;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Engine;

/// <summary>Runs cascade detection on each engine step: scores the newest step of every live server's window
/// against its own recent baseline (<see cref="FleetAnomalyScorer"/>), feeds the <see cref="CascadeDetector"/>
/// and stores what it reports. Cascades still active in storage carry on after a restart. Called from the
/// engine's step loop only; <see cref="Active"/> may be read from any thread.</summary>
public sealed class CascadeMonitor : ICascadeSource
{
    private readonly ICascadeStore _store;
    private readonly ILogger<CascadeMonitor> _logger;
    private readonly FleetAnomalyScorer _scorer;
    private readonly CascadeOptions _options;
    private readonly List<ServerAnomaly> _anomalies = [];
    private CascadeDetector? _detector;
    private IReadOnlyList<CascadeEvent> _active = [];

    public CascadeMonitor(ICascadeStore store, ILogger<CascadeMonitor> logger, AnomalyOptions? anomalyOptions = null, CascadeOptions? cascadeOptions = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _scorer = new FleetAnomalyScorer(anomalyOptions);
        _options = cascadeOptions ?? CascadeOptions.Default;
    }

    public IReadOnlyList<CascadeEvent> Active => Volatile.Read(ref _active);

    public IReadOnlyList<CascadeEvent> Read(DateTimeOffset from, DateTimeOffset to, bool? active = null) => _store.Read(from, to, active);

    /// <summary>One engine step: <paramref name="live"/> are the windows of the servers that are not stale, in a
    /// stable order. O(servers × metrics × baseline) with no allocation per sample.</summary>
    public void Observe(DateTimeOffset dataTime, IEnumerable<WindowView> live)
    {
        ArgumentNullException.ThrowIfNull(live);
        if ((_detector ??= Restore()) is not { } detector)
        {
            return;
        }

        _anomalies.Clear();
        foreach (var view in live)
        {
            _anomalies.Add(new ServerAnomaly(view.Server, view.Profile, _scorer.Observe(view.Window)));
        }

        var events = detector.Step(dataTime, _anomalies);
        Volatile.Write(ref _active, events.Where(e => e.IsActive).ToArray());
        try
        {
            _store.Save(events);
        }
        catch (Exception ex)
        {
            // The detector carries on from memory; the rows catch up at the next step that writes.
            _logger.LogWarning(ex, "Could not store {Count} cascade event(s) for {DataTime}.", events.Count, dataTime);
        }
    }

    /// <summary>The detector, carrying on the stored active cascades; null (tried again next step) while storage
    /// cannot be read, so that new ids never overwrite stored cascades.</summary>
    private CascadeDetector? Restore()
    {
        try
        {
            return new CascadeDetector(_options, _store.LoadActive(), _store.MaxId() + 1);
        }
        catch (Exception ex) when (ex is not ArgumentException)
        {
            _logger.LogWarning(ex, "Could not read the stored cascades; cascade detection waits for storage.");
            return null;
        }
    }
}
