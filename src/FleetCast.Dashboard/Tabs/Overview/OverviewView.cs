using FleetCast.Dashboard.Controls;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Tabs.Overview;

/// <summary>What the Overview tab shows of one snapshot, built once and shared by every session: the
/// model, its two chart options and its read-only parts as HTML (KPI cards, servers per level, the alert
/// table).</summary>
public sealed record OverviewView(OverviewModel Model, object TopOption, object LevelOption, MarkupString KpiCards, MarkupString LevelList, MarkupString AlertTable);
