using FleetCast.Dashboard.Controls;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Tabs.Historical;

/// <summary>What the Historical tab shows for one range and server filter: the model, its two chart
/// options and its read-only alert table as HTML, built once per snapshot and shared by every session
/// that shows the same selection.</summary>
public sealed record HistoricalView(HistoricalModel Model, object LevelOption, object TimelineOption, MarkupString AlertTable);
