using System.Globalization;
using FleetCast.Dashboard.Shared;
using FleetCast.Dashboard.Tabs.Historical;
using FleetCast.Server.Costs;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Dashboard.Tabs.Cost;

/// <summary>The cost-avoidance estimate of a chosen period, its inputs, formula and the alert outcome counts it
/// rests on; read from the same <see cref="CostAvoidanceService"/> as GET /api/v1/cost-avoidance.</summary>
public sealed partial class CostTab
{
    private static readonly IReadOnlyList<HistoricalRange> Periods = [.. HistoricalRange.All.Where(r => r.Span >= TimeSpan.FromDays(1))];

    private HistoricalRange _range = Periods[^1];
    private CostAvoidanceResponse? _report;
    private string? _unavailable;

    protected override async Task OnParametersSetAsync()
    {
        if (Reads.Due)
        {
            await LoadAsync();
        }
    }

    private async Task SelectRangeAsync(HistoricalRange range)
    {
        _range = range;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (Snapshot is not { } published)
        {
            return;
        }

        if (Services.GetService<CostAvoidanceService>() is not { } costs)
        {
            _unavailable = "This server runs without storage, so there are no stored alert outcomes or cost inputs to estimate from.";
            return;
        }

        var to = published.Snapshot.DataTime;
        var from = to - _range.Span;
        await Reads.ReadAsync(() => costs.Report(from, to), report => _report = report);
    }

    private static string Amount(double value, string? currency) =>
        value.ToString("#,0.##", CultureInfo.InvariantCulture) + (currency is null ? string.Empty : " " + currency);

    private static string Lead(double? minutes) => minutes is { } m ? DisplayFormat.Duration((int)Math.Round(m * 60)) : "none";
}
