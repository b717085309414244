using FleetCast.Core.Cascades;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Engine;
using FleetCast.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Api;

/// <summary>/api/v1/cascades: the cascades the engine found and stored (it computes them at each step; this only reads).</summary>
public static class CascadeEndpoints
{
    private static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(1);

    public static IEndpointRouteBuilder MapCascadeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cascades").WithTags("Cascades");
        group.MapGet("/", List).WithName("ListCascades")
            .WithSummary("Cascades active at any time in [from, to] (data time; default the last day), newest first; active=true only those still active, active=false only ended ones.");
        return app;
    }

    internal static Results<Ok<CascadesResponse>, ProblemHttpResult> List(string? from, string? to, string? active, ICascadeSource cascades,
        ISnapshotSource snapshots, TimeProvider time)
    {
        var defaultTo = snapshots.Current?.Snapshot.DataTime ?? time.GetUtcNow();
        TimeRangeQuery.TryParse(from, to, defaultTo, DefaultSpan, out var start, out var end, out var errors);
        bool? activeOnly = null;
        if (!string.IsNullOrWhiteSpace(active))
        {
            if (bool.TryParse(active.Trim(), out var parsed))
            {
                activeOnly = parsed;
            }
            else
            {
                errors["active"] = [$"'{active}' is not true or false."];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var items = cascades.Read(start, end, activeOnly).Select(CascadeItem.From).ToArray();
        return TypedResults.Ok(new CascadesResponse(start, end, items.Length, items));
    }
}

public sealed record CascadesResponse(DateTimeOffset From, DateTimeOffset To, int Count, IReadOnlyList<CascadeItem> Cascades);

/// <param name="Dependency">The profile the affected servers depend on (wire name); its servers are the root candidates.</param>
/// <param name="Severity">low, medium or high, from the most affected servers anomalous at once (<paramref name="PeakServers"/>).</param>
/// <param name="EndedAt">Data time of the last step the cascade was still active; null while active.</param>
public sealed record CascadeItem(long Id, string Dependency, string Severity, bool Active, DateTimeOffset StartedAt, DateTimeOffset DetectedAt,
    DateTimeOffset LastActiveAt, DateTimeOffset? EndedAt, int PeakServers, IReadOnlyList<CascadeRootItem> RootCandidates,
    IReadOnlyList<CascadeServerItem> Affected)
{
    public static CascadeItem From(CascadeEvent e) => new(e.Id, ProfileNames.ToWire(e.Dependency), CascadeStore.SeverityText(e.Severity), e.IsActive,
        e.StartedAt, e.DetectedAt, e.LastActiveAt, e.EndedAt, e.PeakServers,
        e.RootCandidates.Select(r => new CascadeRootItem(r.Server, ProfileNames.ToWire(r.Profile), r.Score, r.DependentServers, r.AnomalousSince)).ToArray(),
        e.Affected.Select(m => new CascadeServerItem(m.Server, ProfileNames.ToWire(m.Profile), m.AnomalousSince, m.PeakScore,
            MetricCatalog.WireName(m.PeakMetric), m.RecentScore)).ToArray());
}

/// <param name="Score">0–1: the share of the other affected servers depending on its profile (weight 0.5), of those whose
/// anomaly began no earlier (0.1), and its recent score relative to the highest of its profile in the cascade (0.4).</param>
public sealed record CascadeRootItem(string Server, string Profile, double Score, int DependentServers, DateTimeOffset AnomalousSince);

/// <param name="PeakScore">The largest robust anomaly score it reached in the cascade, on <paramref name="PeakMetric"/>.</param>
/// <param name="RecentScore">Its mean score over the last steps it was live.</param>
public sealed record CascadeServerItem(string Server, string Profile, DateTimeOffset AnomalousSince, double PeakScore, string PeakMetric, double RecentScore);
