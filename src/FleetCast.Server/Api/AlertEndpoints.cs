using System.Globalization;
using System.Text;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Server.Alerting;
using FleetCast.Server.Engine;
using FleetCast.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Api;

/// <summary>/api/v1/alerts: the firing alerts of the current snapshot and the stored lifecycle history.</summary>
public static class AlertEndpoints
{
    private static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(1);

    public static RouteGroupBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alerts").WithTags("Alerts");
        group.MapGet("/", Active).WithName("ListActiveAlerts")
            .WithSummary("Alerts firing in the current snapshot, with their acknowledgement and silence (silenced alerts are listed, flagged).");
        group.MapGet("/history", History).WithName("AlertHistory")
            .WithSummary("Alerts active at any time in [from, to] (data time; default the last day), newest first.");
        group.MapGet("/history.csv", HistoryCsv).WithName("AlertHistoryCsv")
            .WithSummary("The same history as CSV with a header line.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return group;
    }

    internal static Results<Ok<ActiveAlertsResponse>, ProblemHttpResult> Active(ISnapshotSource source, AlertActions actions, IAlertActionStore actionStore)
    {
        if (source.Current is not { } current)
        {
            return Problems.Of(ProblemTypes.NoSnapshot, "The engine has not computed its first snapshot yet; retry shortly.");
        }

        var ids = actionStore.OpenAlertIds();
        var alerts = current.Snapshot.Alerts
            .Select(a => ActiveAlertItem.From(a, actions.StatusOf(a), ids.TryGetValue(a.Server, out var id) ? id : null))
            .ToArray();
        return TypedResults.Ok(new ActiveAlertsResponse(current.Snapshot.Version, current.Snapshot.DataTime, alerts.Length,
            alerts.Count(a => a.Acknowledged is not null), alerts.Count(a => a.Silenced is not null), alerts));
    }

    internal static Results<Ok<AlertHistoryResponse>, ProblemHttpResult> History(string? from, string? to, string? server, ISnapshotSource source, IAlertStore store, TimeProvider time)
    {
        if (!TryRange(from, to, source, time, out var start, out var end, out var problem))
        {
            return problem!;
        }

        var records = store.History(start, end, string.IsNullOrWhiteSpace(server) ? null : server);
        return TypedResults.Ok(new AlertHistoryResponse(start, end, records.Count, records.Select(AlertHistoryItem.From).ToList()));
    }

    internal static IResult HistoryCsv(string? from, string? to, string? server, ISnapshotSource source, IAlertStore store, TimeProvider time)
    {
        if (!TryRange(from, to, source, time, out var start, out var end, out var problem))
        {
            return problem!;
        }

        var records = store.History(start, end, string.IsNullOrWhiteSpace(server) ? null : server);
        return TypedResults.Text(ToCsv(records), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>Every text column goes through <see cref="CsvCell"/>; numbers and times are written as they are.</summary>
    internal static string ToCsv(IEnumerable<AlertRecord> records)
    {
        var csv = new StringBuilder("id,server,metric,severity,likelihood,threshold,predicted_value,minutes_ahead,started_at,ended_at,duration_seconds,peak_severity,outcome,outcome_at,metrics,outcome_severity\n");
        foreach (var r in records)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.Id},{CsvCell.Text(r.Server)},{CsvCell.Text(MetricCatalog.WireName(r.Headline.Metric))},{CsvCell.Text(r.Headline.Severity.ToString().ToLowerInvariant())},{CsvCell.Text(r.Headline.Likelihood.ToString().ToLowerInvariant())},{r.Headline.Threshold},{r.Headline.PredictedValue},{r.Headline.MinutesAhead},{r.StartedAt.UtcDateTime:O},{r.EndedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)},{r.Duration?.TotalSeconds},{CsvCell.Text(AlertKeys.SeverityText(r.PeakSeverity))},{CsvCell.Text(AlertHistoryItem.OutcomeText(r.Outcome))},{r.OutcomeAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)},{CsvCell.Text(string.Join(';', r.Metrics.Select(MetricCatalog.WireName)))},{CsvCell.Text(r.OutcomeSeverity is { } s ? AlertKeys.SeverityText(s) : null)}\n");
        }

        return csv.ToString();
    }

    private static bool TryRange(string? from, string? to, ISnapshotSource source, TimeProvider time, out DateTimeOffset start, out DateTimeOffset end, out ProblemHttpResult? problem)
    {
        var defaultTo = source.Current?.Snapshot.DataTime ?? time.GetUtcNow();
        if (!TimeRangeQuery.TryParse(from, to, defaultTo, DefaultSpan, out start, out end, out var errors))
        {
            problem = Problems.Validation(errors);
            return false;
        }

        problem = null;
        return true;
    }
}

/// <param name="Count">All firing alerts, silenced ones included.</param>
public sealed record ActiveAlertsResponse(long Version, DateTimeOffset DataTime, int Count, int AcknowledgedCount, int SilencedCount,
    IReadOnlyList<ActiveAlertItem> Alerts);

public sealed record AlertHistoryResponse(DateTimeOffset From, DateTimeOffset To, int Count, IReadOnlyList<AlertHistoryItem> Alerts);

/// <param name="Severity">The severity at the end of the lifecycle (or now, while it fires).</param>
/// <param name="PeakSeverity">The highest severity the lifecycle reached.</param>
/// <param name="Metric">The headline (most urgent) metric at the incident's last change.</param>
/// <param name="Outcome">Whether any predicted crossing happened within its horizon: open, came-true or
/// did-not-happen; null for an alert that predicted nothing (it fired on values already over their thresholds).</param>
/// <param name="Metrics">Wire names of every metric found during the incident (complete once it resolved).</param>
/// <param name="OutcomeSeverity">The severity the outcome's claim was made at, under which
/// /api/v1/model/quality counts it; null when <paramref name="Outcome"/> is.</param>
public sealed record AlertHistoryItem(long Id, string Server, string Metric, string Severity, string Likelihood, double Threshold,
    double PredictedValue, double MinutesAhead, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, double? DurationSeconds,
    string PeakSeverity, string? Outcome, DateTimeOffset? OutcomeAt, IReadOnlyList<string> Metrics, string? OutcomeSeverity)
{
    public static AlertHistoryItem From(AlertRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var h = r.Headline;
        return new(r.Id, r.Server, MetricCatalog.WireName(h.Metric), AlertKeys.SeverityText(h.Severity), h.Likelihood.ToString().ToLowerInvariant(),
            h.Threshold, h.PredictedValue, h.MinutesAhead, r.StartedAt, r.EndedAt, r.Duration?.TotalSeconds, AlertKeys.SeverityText(r.PeakSeverity),
            OutcomeText(r.Outcome), r.OutcomeAt, [.. r.Metrics.Select(MetricCatalog.WireName)],
            r.OutcomeSeverity is { } claimed ? AlertKeys.SeverityText(claimed) : null);
    }

    internal static string? OutcomeText(AlertOutcome? outcome) => outcome is { } o ? DbValues.ToText(o) : null;
}
