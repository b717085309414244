using System.Globalization;
using FleetCast.Core.Metrics;
using FleetCast.Dashboard.Shared;
using FleetCast.Forecasting.Live;
using FleetCast.Server.Engine;

namespace FleetCast.Dashboard.Tabs.Drift;

/// <summary>The "Drift &amp; model" tab, shaped from the tracker's <see cref="ModelQualityReport"/>: the model
/// card, live accuracy per forecaster and horizon bucket, the baselines scored in shadow, input drift (PSI) per metric, the shipped
/// held-out evaluation. Formats only; every number comes from the report.</summary>
public sealed record DriftModel(
    string ModelMessage,
    IReadOnlyList<CardRow> Card,
    string AccuracyIntro,
    IReadOnlyList<AccuracyRow> Accuracy,
    string? AccuracyMessage,
    object? PinballChart,
    object? CoverageChart,
    string DriftMessage,
    IReadOnlyList<DriftRow> Drift,
    object? DriftChart,
    string EvaluationMessage,
    IReadOnlyList<EvaluationRow> Evaluation,
    ShadowTable? Shadow)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static DriftModel From(ModelQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var live = report.Live;
        var accuracy = AccuracyRows(report).ToList();
        var anySufficient = accuracy.Any(r => r.Sufficient);
        var accuracyMessage = live.Forecasters.Count == 0
            ? "Not enough matured forecasts yet: no kept forecast has reached its first scored step."
            : anySufficient
                ? null
                : $"Not enough matured forecasts yet: each horizon bucket needs {live.MinMaturedPoints:N0} matured points before its scores are shown.";
        var drift = report.Drift.Report?.Metrics.Select(DriftRow.From).ToList() ?? [];
        return new DriftModel(
            report.Model.Message,
            CardRows(report.Model),
            IntroFor(live),
            accuracy,
            accuracyMessage,
            anySufficient ? DriftCharts.LivePinball(live) : null,
            anySufficient ? DriftCharts.LiveCoverage(live) : null,
            report.Drift.Message,
            drift,
            report.Drift.Available && drift.Any(d => d.Psi is not null) ? DriftCharts.Psi(report.Drift.Report!) : null,
            report.EvaluationMessage,
            report.Evaluation?.Forecasters.Select(EvaluationRow.From).ToList() ?? [],
            report.Shadow is { } shadow ? ShadowTable.From(shadow, live.MinMaturedPoints, report.Model.IsModel) : null);
    }

    private static string IntroFor(LiveAccuracyReport live) => string.Create(Invariant,
        $"Forecasts are kept every {live.OriginEverySteps} steps ({DisplayFormat.Duration(live.OriginEverySteps * live.StepSeconds)}) and every {live.HorizonSampleEvery}th horizon step is scored once the data time has passed it: pinball loss on values normalised by the look-back (as in the held-out evaluation; lower is better), p10–p90 coverage (80% is calibrated), p50 mean absolute error in the metric's units. Now holding {live.KeptForecasts:N0} server forecasts from {live.KeptOrigins} origins (about {live.KeptBytes / 1024.0 / 1024.0:0.0} MiB).");

    private static IEnumerable<AccuracyRow> AccuracyRows(ModelQualityReport report)
    {
        foreach (var forecaster in report.Live.Forecasters)
        {
            var kind = report.Model.IsModel && forecaster.Name == report.Model.Name ? "model" : "baseline";
            foreach (var bucket in forecaster.Buckets)
            {
                yield return AccuracyRow.From(forecaster.Name, kind, bucket, report.Live.MinMaturedPoints);
            }
        }
    }

    private static List<CardRow> CardRows(ModelCard card)
    {
        var rows = new List<CardRow> { new("Forecaster", $"{card.Name} ({(card.IsModel ? "trained model" : "baseline")})") };
        if (card.ContractVersion is { } contract)
        {
            rows.Add(new("Data contract", contract.ToString(Invariant)));
        }

        if (card.ParameterCount is { } parameters)
        {
            rows.Add(new("Parameters", parameters.ToString("N0", Invariant)));
        }

        if (card is { StepSeconds: { } step, LookbackSteps: { } lookback, HorizonSteps: { } horizon })
        {
            rows.Add(new("Look-back / horizon", string.Create(Invariant,
                $"{lookback} / {horizon} steps of {DisplayFormat.Duration(step)} ({DisplayFormat.Duration(lookback * step)} / {DisplayFormat.Duration(horizon * step)})")));
        }

        if (card.Quantiles is { Count: > 0 } quantiles)
        {
            rows.Add(new("Quantiles", string.Join(", ", quantiles.Select(q => "p" + (q * 100).ToString("0", Invariant)))));
        }

        if (card.CreatedAt is { } created)
        {
            rows.Add(new("Created", DisplayFormat.DataTime(created)));
        }

        if (card.Training is { } t)
        {
            rows.Add(new("Training data", string.Create(Invariant,
                $"{t.Days:0.##} days × {t.Servers} servers{(t.DataSeed is { } seed ? $" (simulated, seed {seed})" : string.Empty)}; {t.TrainWindows:N0} training / {t.ValidationWindows:N0} validation windows")));
            rows.Add(new("Epochs", string.Create(Invariant, $"{t.Epochs} (best {t.BestEpoch}, stopped by {t.StopReason}){(t.EarlierEpochs > 0 ? $", continuing {t.EarlierEpochs} earlier epochs" : string.Empty)}")));
            rows.Add(new("Loss", string.Create(Invariant,
                $"last training {(t.FinalTrainLoss is { } last ? last.ToString("0.0000", Invariant) : "–")}, best validation {t.BestValidationLoss:0.0000} (pinball, normalised)")));
            rows.Add(new("Training time", string.Create(Invariant, $"{t.TrainingSeconds / 60:0.0} min{(t.EarlierTrainingSeconds > 0 ? $" (+ {t.EarlierTrainingSeconds / 60:0.0} min earlier)" : string.Empty)} on {t.Threads} thread{(t.Threads == 1 ? "" : "s")}, finished {DisplayFormat.DataTime(t.FinishedAt)}")));
        }

        return rows;
    }

    internal static string Number(double? value, string format) => value is { } v && double.IsFinite(v) ? v.ToString(format, Invariant) : "–";
}

public sealed record CardRow(string Label, string Value);

/// <summary>One forecaster over one horizon bucket; scores are "–" until the bucket is sufficient.</summary>
public sealed record AccuracyRow(string Forecaster, string Kind, string Horizon, long MaturedPoints, bool Sufficient, string Points,
    string Pinball, string Coverage, string CpuMae, string MemoryMae)
{
    public static AccuracyRow From(string forecaster, string kind, LiveBucketAccuracy bucket, int minPoints)
    {
        var points = bucket.Sufficient
            ? bucket.MaturedPoints.ToString("N0", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{bucket.MaturedPoints:N0} of {minPoints:N0} needed");
        if (!bucket.Sufficient)
        {
            return new AccuracyRow(forecaster, kind, bucket.Bucket, bucket.MaturedPoints, false, points, "–", "–", "–", "–");
        }

        return new AccuracyRow(forecaster, kind, bucket.Bucket, bucket.MaturedPoints, true, points,
            DriftModel.Number(bucket.PinballMean, "0.000"),
            bucket.Coverage80 is { } coverage ? DisplayFormat.Percent(coverage) : "–",
            Mae(bucket, Metric.CpuUserPct),
            Mae(bucket, Metric.MemUsedPct));
    }

    private static string Mae(LiveBucketAccuracy bucket, Metric metric)
    {
        var definition = MetricCatalog.Get(metric);
        return bucket.P50Mae.TryGetValue(definition.WireName, out var mae) ? DisplayFormat.Value(mae, definition.Unit) : "–";
    }
}

/// <summary>PSI of one metric, formatted; <see cref="Psi"/> is null when it could not be measured.</summary>
public sealed record DriftRow(string Metric, double? Psi, string PsiText, string Status, string TrainingMean, string RecentMean)
{
    public static DriftRow From(MetricDrift drift)
    {
        var unit = MetricCatalog.TryGet(drift.Metric, out var definition) ? definition.Unit : string.Empty;
        return new DriftRow(drift.Metric, drift.Psi, DriftModel.Number(drift.Psi, "0.000"), drift.Status,
            DisplayFormat.Value(drift.TrainingMean, unit), DisplayFormat.Value(drift.RecentMean, unit));
    }
}

/// <summary>One forecaster of the held-out evaluation report.</summary>
public sealed record EvaluationRow(string Forecaster, string Pinball, string Coverage, string Incidents, string MedianLead, string FalseAlerts)
{
    public static EvaluationRow From(FleetCast.Forecasting.Evaluation.ForecasterScore score) => new(
        score.Name,
        score.PinballMean.ToString("0.000", CultureInfo.InvariantCulture),
        DisplayFormat.Percent(score.Coverage80),
        string.Create(CultureInfo.InvariantCulture, $"{score.Incidents.FlaggedAhead} of {score.Incidents.Total} ({score.Incidents.InjectedFlaggedAhead} of {score.Incidents.InjectedTotal} injected)"),
        score.Incidents.MedianLeadMinutes is { } lead ? string.Create(CultureInfo.InvariantCulture, $"{lead:0} min") : "–",
        score.Incidents.FalseAlertsPerServerDay.ToString("0.00", CultureInfo.InvariantCulture));
}
