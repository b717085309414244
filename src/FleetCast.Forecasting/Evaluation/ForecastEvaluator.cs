using FleetCast.Core.Alerts;
using FleetCast.Core.Datasets;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Thresholds;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Data;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>Scores forecasters on held-out data (DESIGN.md §6 "Evaluation"): origins every
/// <see cref="EvaluationOptions.OriginStride"/> steps, one batch per origin per forecaster, accuracy on
/// per-server per-metric look-back-normalised values, and incidents flagged ahead by the alert rule.</summary>
public sealed class ForecastEvaluator
{
    private readonly EvaluationOptions _options;

    /// <summary>The live rule's settings that find candidates differently (persistence and windows; the
    /// operating point first unless a custom <see cref="EvaluationOptions.Alerts"/> replaces it), flagged
    /// together; settings that differ only in fire-after and resolve-after counts share their flags.</summary>
    private readonly CriticalAlertFlags _liveRules;

    /// <summary>Per setting (the operating point, then each sweep setting): its rule options and the index
    /// of its flags (0 = the operating point's; with a custom rule, 1 + its index in <see cref="_liveRules"/>).</summary>
    private readonly (AlertRuleOptions Options, int Flags)[] _settings;

    public ForecastEvaluator(EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var settings = new[] { options.AlertRule }.Concat(options.AlertSweep.Select(s => s.Options)).ToArray();
        var candidateRules = new List<AlertRuleOptions>();
        var first = options.Alerts is null ? 0 : 1;
        _settings = new (AlertRuleOptions, int)[settings.Length];
        for (var i = 0; i < settings.Length; i++)
        {
            if (i == 0 && options.Alerts is not null)
            {
                _settings[i] = (settings[i], 0);
                continue;
            }

            var index = candidateRules.FindIndex(r => FindsSameCandidates(r, settings[i]));
            if (index < 0)
            {
                index = candidateRules.Count;
                candidateRules.Add(settings[i]);
            }

            _settings[i] = (settings[i], first + index);
        }

        _liveRules = new CriticalAlertFlags(candidateRules);
    }

    private static bool FindsSameCandidates(AlertRuleOptions a, AlertRuleOptions b) =>
        a.PersistSteps == b.PersistSteps && a.LikelyWithinSteps == b.LikelyWithinSteps && a.PossibleWithinSteps == b.PossibleWithinSteps;

    public EvaluationReport Evaluate(FleetDataset heldOut, IReadOnlyList<IForecaster> forecasters, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(heldOut);
        ArgumentNullException.ThrowIfNull(forecasters);
        if (forecasters.Count == 0)
        {
            throw new ArgumentException("forecasters must name at least one forecaster.", nameof(forecasters));
        }

        if (forecasters.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != forecasters.Count)
        {
            throw new ArgumentException("forecasters must have distinct names.", nameof(forecasters));
        }

        var lookback = _options.LookbackSteps;
        var horizon = _options.HorizonSteps;
        var origins = Origins(heldOut.Steps, lookback, horizon, _options.OriginStride);
        if (origins.Length == 0)
        {
            throw new ArgumentException($"heldOut has {heldOut.Steps} steps; a look-back of {lookback} and a horizon of {horizon} need at least {lookback + horizon + 1}.", nameof(heldOut));
        }

        var cutter = new DatasetWindows(heldOut);
        var serverCount = heldOut.Servers.Count;
        var accumulators = forecasters.Select(_ => new ScoreAccumulator()).ToArray();
        var recoveries = forecasters.Select(_ => new PersistentCriticalRecovery()).ToArray();
        var outlooks = forecasters.Select(_ => new SustainedCriticalOutlook()).ToArray();
        var flagSets = (_options.Alerts is null ? 0 : 1) + _liveRules.Count;
        var flags = forecasters.Select(_ => Enumerable.Range(0, flagSets).Select(_ => new bool[origins.Length * serverCount * MetricCatalog.Count]).ToArray()).ToArray();

        for (var k = 0; k < origins.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var origin = origins[k];
            var (windows, serverIndices) = WindowsAt(cutter, origin, lookback);
            if (windows.Count > 0)
            {
                var normalizers = serverIndices
                    .Select(s => WindowNormalizer.Fit(heldOut.Servers[s].Values.AsSpan((origin - lookback + 1) * MetricCatalog.Count, lookback * MetricCatalog.Count)))
                    .ToArray();
                for (var f = 0; f < forecasters.Count; f++)
                {
                    var forecasts = forecasters[f].Forecast(windows, horizon, cancellationToken);
                    if (forecasts.Count != windows.Count)
                    {
                        throw new InvalidOperationException($"Forecaster {forecasters[f].Name} returned {forecasts.Count} forecasts for {windows.Count} windows.");
                    }

                    for (var i = 0; i < windows.Count; i++)
                    {
                        var forecast = forecasts[i];
                        if (forecast.HorizonSteps != horizon)
                        {
                            throw new InvalidOperationException($"Forecaster {forecasters[f].Name} returned {forecast.HorizonSteps} steps for {windows[i].Server}; expected {horizon}.");
                        }

                        var s = serverIndices[i];
                        Score(accumulators[f], forecast, windows[i], heldOut.Servers[s], origin, normalizers[i]);
                        CountRecoveries(recoveries[f], outlooks[f], forecast, windows[i], heldOut.Servers[s], origin);
                        var offset = ((k * serverCount) + s) * MetricCatalog.Count;
                        if (_options.Alerts is { } custom)
                        {
                            MarkAlerts(custom, flags[f][0], windows[i], forecast, offset);
                            _liveRules.Mark(windows[i], forecast, _options.Thresholds, flags[f].AsSpan(1), offset);
                        }
                        else
                        {
                            _liveRules.Mark(windows[i], forecast, _options.Thresholds, flags[f], offset);
                        }
                    }
                }
            }

            progress?.Report($"origin {k + 1}/{origins.Length} (step {origin}, {windows.Count} servers)");
        }

        var serverDays = (double)serverCount * origins.Length * _options.OriginStride * heldOut.StepSeconds / 86_400.0;
        var scores = new ForecasterScore[forecasters.Count];
        for (var f = 0; f < forecasters.Count; f++)
        {
            var accumulator = accumulators[f];
            if (accumulator.Count == 0)
            {
                throw new ArgumentException("heldOut has no reported values to score in any horizon.", nameof(heldOut));
            }

            var pinball = accumulator.Pinball();
            var incidents = CountIncidents(heldOut, origins, flags[f][_settings[0].Flags], _settings[0].Options, serverDays);
            var curve = _options.AlertSweep.Count == 0
                ? null
                : _options.AlertSweep.Select((setting, r) => AlertCurvePoint.From(setting.Name, CountIncidents(heldOut, origins, flags[f][_settings[r + 1].Flags], setting.Options, serverDays))).ToList();
            var atBudget = curve is null ? null : RecallAtBudget.From(curve);
            scores[f] = new ForecasterScore(
                forecasters[f].Name,
                (pinball.P10 + pinball.P50 + pinball.P90) / 3,
                pinball,
                accumulator.P50Mae(),
                accumulator.Coverage,
                incidents)
            {
                IsModel = forecasters[f].IsModel,
                AlertCurve = curve,
                RecallAtBudget = atBudget?.Recall,
                RecallAtBudgetSetting = atBudget?.Setting,
                PersistentCriticalRecoveryRate = recoveries[f].Rate,
                PersistentCriticalCases = recoveries[f].Cases,
                SustainedCriticalCases = outlooks[f].Cases,
                SustainedCriticalForecastStay = outlooks[f].ForecastStayShare,
                SustainedCriticalActualStay = outlooks[f].ActualStayShare,
                SustainedCriticalBeyondMedian = outlooks[f].BeyondMedianShare,
            };
        }

        return new EvaluationReport(heldOut.Seed, heldOut.Steps * (double)heldOut.StepSeconds / 86_400.0, serverCount, heldOut.StepSeconds, horizon, scores)
        {
            Episodes = heldOut.Episodes,
            LookbackSteps = lookback,
            Origins = origins.Length,
            OriginStride = _options.OriginStride,
            OperatingPoint = _options.Alerts is null ? AlertSetting.Of(_options.AlertRule, horizon).Name : "custom",
        };
    }

    /// <summary>Origins (last look-back step) with a full look-back and a full horizon inside the data.</summary>
    internal static int[] Origins(int steps, int lookback, int horizon, int stride)
    {
        var origins = new List<int>();
        for (var origin = lookback - 1; origin + horizon < steps; origin += stride)
        {
            origins.Add(origin);
        }

        return [.. origins];
    }

    private static (List<ServerWindow> Windows, List<int> ServerIndices) WindowsAt(DatasetWindows cutter, int origin, int lookback)
    {
        var windows = new List<ServerWindow>(cutter.Dataset.Servers.Count);
        var indices = new List<int>(cutter.Dataset.Servers.Count);
        for (var s = 0; s < cutter.Dataset.Servers.Count; s++)
        {
            if (cutter.ToServerWindow(s, origin, lookback) is { } window)
            {
                windows.Add(window);
                indices.Add(s);
            }
        }

        return (windows, indices);
    }

    private static void Score(ScoreAccumulator accumulator, ServerForecast forecast, ServerWindow window, ServerSeries actual, int origin, WindowNormalizer normalizer)
    {
        var q10 = forecast.QuantileIndex(0.1);
        var q50 = forecast.QuantileIndex(0.5);
        var q90 = forecast.QuantileIndex(0.9);
        for (var m = 0; m < MetricCatalog.Count; m++)
        {
            if (!window.Observed[m] || CounterProjection.IsProjected((Metric)m))
            {
                continue;
            }

            var metric = (Metric)m;
            var p10 = forecast.Series(q10, metric);
            var p50 = forecast.Series(q50, metric);
            var p90 = forecast.Series(q90, metric);
            var mean = normalizer.Mean[m];
            var std = normalizer.Std[m];
            for (var h = 1; h <= forecast.HorizonSteps; h++)
            {
                var y = actual[origin + h, metric];
                if (!float.IsFinite(y))
                {
                    continue;
                }

                accumulator.Add(
                    m,
                    (y - mean) / std,
                    (p10[h - 1] - mean) / std,
                    (p50[h - 1] - mean) / std,
                    (p90[h - 1] - mean) / std,
                    y,
                    p50[h - 1]);
            }
        }
    }

    private void CountRecoveries(PersistentCriticalRecovery recovery, SustainedCriticalOutlook outlook, ServerForecast forecast, ServerWindow window, ServerSeries actual, int origin)
    {
        Span<ForecastRegime> regimes = stackalloc ForecastRegime[MetricCatalog.Count];
        CriticalRegime.Classify(window.Profile, window.Values, window.Length, window.Length, regimes);
        foreach (var thresholds in _options.Thresholds.ForProfile(window.Profile))
        {
            if (window.Observed[(int)thresholds.Metric])
            {
                recovery.Add(actual, origin, thresholds.Metric, thresholds, forecast);
                outlook.Add(actual, origin, thresholds.Metric, thresholds, forecast, regimes[(int)thresholds.Metric]);
            }
        }
    }

    private static void MarkAlerts(AlertFunction alerts, bool[] flags, ServerWindow window, ServerForecast forecast, int offset)
    {
        foreach (var candidate in alerts(window, forecast))
        {
            if (candidate.Severity == AlertSeverity.Critical && candidate.StepsAhead >= 1)
            {
                flags[offset + (int)candidate.Metric] = true;
            }
        }
    }

    /// <summary>Counts incidents flagged ahead and false alerts for one rule. The rule's critical predictive
    /// findings per origin are replayed through the live lifecycle (<see cref="AlertLifecycleReplay"/>:
    /// fire after <see cref="AlertRuleOptions.FireAfterEvaluations"/>, resolve after
    /// <see cref="AlertRuleOptions.ResolveAfterEvaluations"/> evaluations without a finding), so alerts are
    /// counted as the live tracker raises them at every origin: a crossing is flagged ahead when its metric
    /// was firing 1 to horizon steps before it; a false alert is a server's alert (one per server incident,
    /// as live, whichever metrics it lists) none of whose metrics reached the critical threshold within
    /// the horizons of its origins.</summary>
    private IncidentScore CountIncidents(FleetDataset data, int[] origins, bool[] flags, AlertRuleOptions rule, double serverDays)
    {
        var horizon = _options.HorizonSteps;
        var serverCount = data.Servers.Count;
        var total = 0;
        var injectedTotal = 0;
        var injectedFlagged = 0;
        var leads = new List<double>();
        var falseAlerts = 0;
        var episodes = data.Episodes.Where(e => e.Scenario != "healthy").ToArray();
        var found = new bool[origins.Length];
        var firing = new bool[origins.Length];
        var serverFound = new bool[origins.Length];
        var serverFiring = new bool[origins.Length];
        bool Found(int k, int s, int m) => flags[(((k * serverCount) + s) * MetricCatalog.Count) + m];

        for (var s = 0; s < serverCount; s++)
        {
            var series = data.Servers[s];
            Array.Clear(serverFound);
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                for (var k = 0; k < origins.Length; k++)
                {
                    found[k] = Found(k, s, m);
                    serverFound[k] |= found[k];
                }

                AlertLifecycleReplay.Replay(found, rule.FireAfterEvaluations, rule.ResolveAfterEvaluations, firing);
                var metric = (Metric)m;
                var thresholds = _options.Thresholds.Get(series.Profile, metric);
                foreach (var crossing in IncidentFinder.CrossingSteps(series, metric, thresholds, _options.QuietSteps))
                {
                    // Only crossings that at least one origin 1..horizon steps earlier could have flagged.
                    var firstK = FirstOriginAtOrAfter(origins, crossing - horizon);
                    if (firstK >= origins.Length || origins[firstK] > crossing - 1)
                    {
                        continue;
                    }

                    total++;
                    var injected = episodes.Any(e => crossing >= e.StartStep && crossing < e.EndStep && e.AffectedServers.Contains(series.Server));
                    injectedTotal += injected ? 1 : 0;
                    for (var k = firstK; k < origins.Length && origins[k] <= crossing - 1; k++)
                    {
                        if (firing[k])
                        {
                            leads.Add((crossing - origins[k]) * (double)data.StepSeconds / 60.0);
                            injectedFlagged += injected ? 1 : 0;
                            break;
                        }
                    }
                }
            }

            AlertLifecycleReplay.Replay(serverFound, rule.FireAfterEvaluations, rule.ResolveAfterEvaluations, serverFiring);
            for (var k = 0; k < origins.Length; k++)
            {
                if (!serverFiring[k] || (k > 0 && serverFiring[k - 1]))
                {
                    continue;
                }

                var end = k;
                while (end + 1 < origins.Length && serverFiring[end + 1])
                {
                    end++;
                }

                if (!AnyFoundMetricCrossed(series, s, k, end))
                {
                    falseAlerts++;
                }
            }
        }

        bool AnyFoundMetricCrossed(ServerSeries series, int s, int first, int last)
        {
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                var metric = (Metric)m;
                var thresholds = _options.Thresholds.Get(series.Profile, metric);
                if (thresholds.Critical is not { } critical)
                {
                    continue;
                }

                var listed = false;
                for (var k = first; k <= last && !listed; k++)
                {
                    listed = Found(k, s, m);
                }

                if (listed && IncidentFinder.ReachesWithin(series, metric, thresholds, critical, origins[first] + 1, origins[last] + horizon + 1))
                {
                    return true;
                }
            }

            return false;
        }

        return new IncidentScore(total, leads.Count, Median(leads), serverDays > 0 ? falseAlerts / serverDays : 0, injectedTotal, injectedFlagged);
    }

    private static int FirstOriginAtOrAfter(int[] origins, int step)
    {
        var index = Array.BinarySearch(origins, step);
        return index >= 0 ? index : ~index;
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

}
