using System.Diagnostics;
using FleetCast.Core.Alerts;
using FleetCast.Core.Assessment;
using FleetCast.Core.Diagnostics;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Snapshots;
using FleetCast.Core.Thresholds;
using FleetCast.Core.Windows;
using FleetCast.Forecasting;
using FleetCast.Server.Options;
using FleetCast.Server.Windows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Server.Engine;

/// <summary>One model step's computation: route windows to forecasters (one batch each), assess every
/// live server once (its level and its alerts from one <see cref="FleetAssessor"/> evaluation), summarise,
/// and assemble the immutable snapshot. Owns the assessor; not thread-safe (the engine calls it from one loop).</summary>
public sealed class SnapshotBuilder
{
    private readonly ForecasterSet _forecasters;
    private readonly ForecastOptions _options;
    private readonly ThresholdTable _thresholds;
    private readonly ScoringOptions _scoring;
    private readonly FleetAssessor _assessor;
    private readonly EngineMetrics? _metrics;
    private readonly ForecastFailureLog _failureLog;

    public SnapshotBuilder(ForecasterSet forecasters, ForecastOptions options, ThresholdTable thresholds, ScoringOptions scoring,
        AlertRuleOptions alertRules, IEnumerable<ActiveAlert> restoredAlerts, EngineMetrics? metrics = null, ILogger? logger = null)
    {
        _forecasters = forecasters;
        _options = options;
        _thresholds = thresholds;
        _scoring = scoring;
        _metrics = metrics;
        _failureLog = new ForecastFailureLog(logger ?? NullLogger.Instance);
        _assessor = new FleetAssessor(thresholds, scoring, alertRules, restoredAlerts);
    }

    /// <param name="raiseAlerts">False while history is being back-filled: servers are scored, but no alert
    /// fires or resolves on history.</param>
    public StepResult Build(IReadOnlyList<WindowView> views, DateTimeOffset dataTime, long version, DateTimeOffset computedAt, PublishedSnapshot? previous,
        bool raiseAlerts = true)
    {
        var primary = _forecasters.Primary;
        var warmUp = _forecasters.WarmUp;
        var staleCutoff = dataTime.AddSeconds(-(double)_options.StaleAfterSteps * _options.StepSeconds);

        var live = new List<WindowView>(views.Count);
        var stale = new List<WindowView>();
        foreach (var view in views)
        {
            (view.LastSeen < staleCutoff ? stale : live).Add(view);
        }

        var forecasts = ForecastLive(live, primary, warmUp);

        var inputs = new List<AssessmentInput>(live.Count);
        foreach (var view in live)
        {
            inputs.Add(new AssessmentInput(view.Server, view.Profile, view.Window.Latest(), forecasts[view.Server], view.FilledSteps >= _options.LookbackSteps));
        }

        var assessment = _assessor.Assess(dataTime, inputs, raiseAlerts);
        var rows = new List<ServerRow>(views.Count);
        var details = new Dictionary<string, ServerDetail>(views.Count, StringComparer.Ordinal);
        for (var i = 0; i < live.Count; i++)
        {
            var view = live[i];
            var (current, forecast, ready) = (inputs[i].Current, inputs[i].Forecast, inputs[i].Ready);
            var risk = assessment.Risks[view.Server];
            var display = DisplayMetricsBuilder.Build(current, forecast, _scoring);
            var row = new ServerRow(view.Server, view.Profile, risk.Score, risk.Level, ready, WarmupProgress(view), false, view.LastSeen,
                forecast?.Forecaster ?? "none", risk.Factors, display);
            rows.Add(row);
            details[view.Server] = new ServerDetail(row, view.Window, forecast) { FilledSteps = view.FilledSteps };
        }

        foreach (var view in stale)
        {
            var detail = StaleDetail(view, previous);
            rows.Add(detail.Row);
            details[view.Server] = detail;
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var transitions = assessment.Transitions;

        var previousScores = previous?.Snapshot.Servers.ToDictionary(r => r.Name, r => r.RiskScore, StringComparer.Ordinal)
            ?? new Dictionary<string, double>(StringComparer.Ordinal);
        var summary = FleetSummaryBuilder.Build(rows, previousScores);
        var environment = EnvironmentIndicatorBuilder.Build(
            rows.Select(r =>
            {
                // Metrics the window never observed are forecasts of fill values: they must not count.
                var detail = details[r.Name];
                return (r.Profile, detail.Forecast, r.RiskScore, (IReadOnlyList<bool>?)detail.Window.Observed);
            }).ToList(),
            _thresholds);
        var profiles = rows.ToDictionary(r => r.Name, r => r.Profile, StringComparer.Ordinal);
        var alerts = assessment.Active
            .OrderByDescending(a => a.Headline.Severity)
            .ThenBy(a => a.Headline.MinutesAhead)
            .ThenBy(a => a.Server, StringComparer.Ordinal)
            .Select(a => ToView(a, profiles.GetValueOrDefault(a.Server, ServerProfile.Generic)))
            .ToList();

        var usesPrimary = rows.Any(r => !r.Stale && r.Forecaster == primary.Name);
        var fleetForecaster = usesPrimary ? primary : warmUp;
        var snapshot = new FleetSnapshot(version, dataTime, computedAt, _options.StepSeconds, _options.HorizonSteps,
            fleetForecaster.Name, fleetForecaster.IsModel, summary, environment, rows, alerts);
        return new StepResult(snapshot, details, transitions);
    }

    /// <summary>Reads the currently firing alerts (e.g. for the status route).</summary>
    public int ActiveAlertCount => _assessor.Active.Count;

    private Dictionary<string, ServerForecast?> ForecastLive(List<WindowView> live, IForecaster primary, IForecaster warmUp)
    {
        // Ready servers (a full look-back of real samples) go to the primary once their window spans what
        // it needs; gaps (a server that was offline a while) are forward-filled and do not count against it.
        var toPrimary = new List<WindowView>();
        var toWarmUp = new List<WindowView>();
        var result = new Dictionary<string, ServerForecast?>(live.Count, StringComparer.Ordinal);
        foreach (var view in live)
        {
            if (view.FilledSteps >= _options.LookbackSteps && view.Window.Length >= primary.MinHistorySteps)
            {
                toPrimary.Add(view);
            }
            else if (view.FilledSteps >= warmUp.MinHistorySteps)
            {
                toWarmUp.Add(view);
            }
            else
            {
                // Too little history for any forecast: scored on current values only.
                result[view.Server] = null;
            }
        }

        var primaryFailed = RunBatch(primary, toPrimary, result);
        if (primaryFailed)
        {
            toWarmUp.AddRange(toPrimary);
        }

        if (RunBatch(warmUp, toWarmUp, result))
        {
            foreach (var view in toWarmUp)
            {
                result[view.Server] = null;
            }
        }

        return result;
    }

    /// <returns>True when the forecaster failed (its servers must be routed elsewhere).</returns>
    private bool RunBatch(IForecaster forecaster, List<WindowView> views, Dictionary<string, ServerForecast?> result)
    {
        if (views.Count == 0)
        {
            return false;
        }

        var windows = new ServerWindow[views.Count];
        for (var i = 0; i < views.Count; i++)
        {
            windows[i] = views[i].Window;
        }

        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<ServerForecast> forecasts;
        try
        {
            forecasts = forecaster.Forecast(windows, _options.HorizonSteps);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RecordFailure(forecaster, views.Count, ex.Message, ex);
            return true;
        }

        _metrics?.ForecastDuration.WithLabels(forecaster.Name).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        if (forecasts.Count != views.Count)
        {
            RecordFailure(forecaster, views.Count, $"returned {forecasts.Count} forecasts for {views.Count} windows.", exception: null);
            return true;
        }

        for (var i = 0; i < views.Count; i++)
        {
            result[views[i].Server] = forecasts[i];
        }

        return false;
    }

    private void RecordFailure(IForecaster forecaster, int servers, string message, Exception? exception)
    {
        // Native (libtorch) messages run on with a stack of frames and file paths: the first line says it.
        LastForecastError = $"{forecaster.Name}: {FirstLine.Of(message)}";
        _metrics?.ForecastFailures.WithLabels(forecaster.Name).Inc();
        _failureLog.Record(forecaster.Name, servers, forecaster == _forecasters.Primary ? _forecasters.WarmUp.Name : null, LastForecastError, exception);
    }

    /// <summary>The most recent forecaster failure, if any (shown in the status).</summary>
    public string? LastForecastError { get; private set; }

    private double WarmupProgress(WindowView view) => Math.Clamp((double)view.FilledSteps / _options.LookbackSteps, 0, 1);

    private ServerDetail StaleDetail(WindowView view, PublishedSnapshot? previous)
    {
        if (previous is not null && previous.Details.TryGetValue(view.Server, out var last))
        {
            var kept = last.Row with { Stale = true, LastSeen = view.LastSeen };
            return new ServerDetail(kept, view.Window, last.Forecast) { FilledSteps = view.FilledSteps };
        }

        // No earlier score in this process (e.g. right after a restart): score its last known values, no forecast.
        var current = view.Window.Latest();
        var risk = _assessor.ScoreAlone(new AssessmentInput(view.Server, view.Profile, current, null, false));
        var display = DisplayMetricsBuilder.Build(current, null, _scoring);
        var row = new ServerRow(view.Server, view.Profile, risk.Score, risk.Level, view.FilledSteps >= _options.LookbackSteps,
            WarmupProgress(view), true, view.LastSeen, "none", risk.Factors, display);
        return new ServerDetail(row, view.Window, null) { FilledSteps = view.FilledSteps };
    }

    internal static AlertView ToView(ActiveAlert alert, ServerProfile profile)
    {
        var headline = alert.Headline;
        var message = AlertSentence.Of(alert);
        return new AlertView(alert.Server, profile, MetricCatalog.WireName(headline.Metric), headline.Severity, headline.Likelihood,
            headline.Threshold, headline.PredictedValue, headline.MinutesAhead, alert.StartedAt, message)
        {
            Metrics = alert.SeenMetricNames,
            Findings = [.. alert.Metrics.Select(AlertFindingView.From)],
        };
    }
}

/// <summary>What one step produced: the snapshot, per-server details and the alert transitions to store.</summary>
public sealed record StepResult(FleetSnapshot Snapshot, IReadOnlyDictionary<string, ServerDetail> Details, IReadOnlyList<AlertTransition> Transitions);
