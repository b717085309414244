using FleetCast.Server.Components.Controls;
using FleetCast.Server.Components.Services;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Server.Components.ViewModels;

/// <summary>What the Historical tab shows for one range and server filter: the model, its two chart
/// options and its read-only alert table as HTML, built once per snapshot and shared by every session
/// that shows the same selection.</summary>
public sealed record HistoricalView(HistoricalModel Model, object LevelOption, object TimelineOption, MarkupString AlertTable)
{
    public static async Task<HistoricalView> CreateAsync(HistoricalModel model, StaticHtml html) =>
        new(model, ChartOptions.LevelHistory(model), ChartOptions.AlertTimeline(model),
            await html.RenderAsync<HistoricalAlertTable>(new Dictionary<string, object?> { [nameof(HistoricalAlertTable.Rows)] = model.AlertRows }));
}
