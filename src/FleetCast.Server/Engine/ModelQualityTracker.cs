using System.Diagnostics;
using System.Text.Json;
using FleetCast.Core.Json;
using FleetCast.Core.Windows;
using FleetCast.Forecasting;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Live;
using FleetCast.Forecasting.Tft;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Engine;

/// <summary>Follows the published snapshots: keeps each step's forecasts until they mature and scores them
/// (<see cref="LiveForecastScorekeeper"/>), measures input drift against the loaded model's saved training
/// statistics every <see cref="ModelQualityOptions.DriftEverySteps"/> steps, and publishes one immutable
/// <see cref="ModelQualityReport"/> per step that readers (API, dashboard) only read.</summary>
/// <remarks>Runs on the engine's thread as a snapshot subscriber, after the snapshot was published (readers
/// already see it; subscribers registered later are notified after this returns); its cost per step is
/// <see cref="LastStepDuration"/>.</remarks>
public sealed class ModelQualityTracker : IModelQualitySource, IHostedService, IDisposable
{
    private static readonly DriftStatus Pending = new(false, "Waiting for the next drift measurement.", null, null);
    private readonly ISnapshotSource _source;
    private readonly ForecasterSet _forecasters;
    private readonly ModelQualityOptions _options;
    private readonly ILogger<ModelQualityTracker> _logger;
    private readonly LiveForecastScorekeeper _scorekeeper;
    private readonly Lock _gate = new();
    private IDisposable? _subscription;
    private ModelQualityReport _current;
    private IForecaster? _cardFor;
    private ModelCard _card;
    private EvaluationReport? _evaluation;
    private string _evaluationMessage = string.Empty;
    private DriftStatus _drift;
    private IForecaster? _driftFor;
    private long _steps;

    public ModelQualityTracker(ISnapshotSource source, ForecasterSet forecasters, ModelQualityOptions options, ILogger<ModelQualityTracker> logger)
    {
        _source = source;
        _forecasters = forecasters;
        _options = options;
        _logger = logger;
        if (options.DriftRecentSteps < 1 || options.DriftEverySteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DriftRecentSteps < 1
                ? $"{nameof(ModelQualityOptions.DriftRecentSteps)} must be at least 1."
                : $"{nameof(ModelQualityOptions.DriftEverySteps)} must be at least 1.");
        }

        _scorekeeper = new LiveForecastScorekeeper(options.Scoring);
        _card = RefreshCard(forecasters.Primary);
        _drift = new DriftStatus(false, "Waiting for the first fleet snapshot.", null, null);
        _current = new ModelQualityReport(null, _card, _evaluation, _evaluationMessage, _scorekeeper.Report(), DriftFor(forecasters.Primary, _drift));
    }

    /// <summary>The latest report; never null (before the first step it holds the model card only).</summary>
    public ModelQualityReport Current
    {
        get
        {
            var current = Volatile.Read(ref _current);
            var primary = _forecasters.Primary;
            if (ReferenceEquals(primary, _cardFor))
            {
                return current;
            }

            // The primary was swapped (model reload) since the last step: show the new card at once.
            lock (_gate)
            {
                current = Volatile.Read(ref _current);
                var card = RefreshCard(primary);
                var updated = current with { Model = card, Evaluation = _evaluation, EvaluationMessage = _evaluationMessage, Drift = DriftFor(primary, ReferenceEquals(primary, _driftFor) ? _drift : Pending) };
                Volatile.Write(ref _current, updated);
                return updated;
            }
        }
    }

    /// <summary>Time the last step's scoring and drift took.</summary>
    public TimeSpan LastStepDuration { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription ??= _source.Subscribe(Observe);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _subscription, null)?.Dispose();
    }

    /// <summary>One step (the engine calls this through its subscription; tests may call it directly).</summary>
    public void Observe(PublishedSnapshot published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var started = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var dataTime = published.Snapshot.DataTime;
            var observations = new List<LiveObservation>(published.Details.Count);
            var windows = new List<ServerWindow>(published.Details.Count);
            foreach (var detail in published.Details.Values)
            {
                if (detail.Row.Stale || detail.Window.Length == 0)
                {
                    continue;
                }

                observations.Add(new LiveObservation(detail.Window, detail.Forecast, detail.Row.LastSeen));
                windows.Add(detail.Window);
            }

            _scorekeeper.Observe(dataTime, observations);
            var primary = _forecasters.Primary;
            var card = RefreshCard(primary);
            if (_steps % _options.DriftEverySteps == 0 || !ReferenceEquals(primary, _driftFor))
            {
                _drift = MeasureDrift(primary, windows, dataTime);
                _driftFor = primary;
            }

            _steps++;
            Volatile.Write(ref _current, new ModelQualityReport(dataTime, card, _evaluation, _evaluationMessage, _scorekeeper.Report(), _drift));
        }

        LastStepDuration = Stopwatch.GetElapsedTime(started);
    }

    private DriftStatus MeasureDrift(IForecaster primary, List<ServerWindow> windows, DateTimeOffset dataTime)
    {
        if (Statistics(primary) is not { } statistics)
        {
            return DriftFor(primary, new DriftStatus(false, string.Empty, null, null));
        }

        if (windows.Count == 0)
        {
            return new DriftStatus(false, "No live server to measure.", dataTime, null);
        }

        var report = InputDriftMeter.Measure(statistics, windows, _options.DriftRecentSteps);
        return new DriftStatus(true,
            $"PSI of the newest {_options.DriftRecentSteps} steps of {report.Servers} live servers against the training distribution saved with the model (10 bins per metric).",
            dataTime, report);
    }

    /// <summary>The drift to show for <paramref name="primary"/>: the measured one, or why there is none.</summary>
    private static DriftStatus DriftFor(IForecaster primary, DriftStatus measured)
    {
        if (primary is not TftForecaster)
        {
            return new DriftStatus(false,
                $"No trained model is loaded: the \"{primary.Name}\" baseline has no training distribution, so input drift cannot be measured.", null, null);
        }

        if (Statistics(primary) is null)
        {
            return new DriftStatus(false, "The loaded model saved no input statistics (it was never trained), so input drift cannot be measured.", null, null);
        }

        return measured.Available || measured.Message.Length > 0 ? measured : Pending;
    }

    private static IReadOnlyList<MetricInputStatistics>? Statistics(IForecaster primary) =>
        primary is TftForecaster { Model.Manifest.InputStatistics: { Count: > 0 } statistics } ? statistics : null;

    private ModelCard RefreshCard(IForecaster primary)
    {
        if (ReferenceEquals(primary, _cardFor))
        {
            return _card;
        }

        _card = ModelCard.For(primary);
        (_evaluation, _evaluationMessage) = LoadEvaluation(primary);
        _cardFor = primary;
        return _card;
    }

    private (EvaluationReport? Report, string Message) LoadEvaluation(IForecaster primary)
    {
        if (primary is not TftForecaster)
        {
            return (null, "No trained model is loaded, so there is no held-out evaluation of it.");
        }

        if (string.IsNullOrWhiteSpace(_options.ModelDir))
        {
            return (null, "The model was not loaded from a model directory, so no evaluation report is known.");
        }

        var path = Path.Combine(Path.GetFullPath(_options.ModelDir), "evaluation", EvaluationReportWriter.JsonFileName);
        if (!File.Exists(path))
        {
            return (null, $"The model directory has no evaluation report ({path}); run `fleetcast evaluate --out <model dir>/evaluation`.");
        }

        try
        {
            var report = JsonSerializer.Deserialize<EvaluationReport>(File.ReadAllText(path), FleetJson.Options);
            return report is null ? (null, $"{path} is empty.") : (report, $"Held-out evaluation shipped with the model ({path}).");
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _logger.LogWarning("Could not read the evaluation report {Path}: {Reason}", path, exception.Message);
            return (null, $"The evaluation report {path} could not be read: {exception.Message}");
        }
    }
}
