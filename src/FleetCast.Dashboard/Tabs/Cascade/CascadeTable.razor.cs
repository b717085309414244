using System.Globalization;
using FleetCast.Core.Cascades;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Tabs.Cascade;

/// <summary>One table of cascades (active or ended): severity, span, root candidates and affected
/// servers, each server a link that opens it.</summary>
public sealed partial class CascadeTable
{
    [Parameter, EditorRequired]
    public IReadOnlyList<CascadeEvent> Cascades { get; set; } = [];

    /// <summary>The table's <c>data-table</c> name.</summary>
    [Parameter, EditorRequired]
    public string Name { get; set; } = "";

    [Parameter]
    public EventCallback<string> OnOpenServer { get; set; }

    private static string RootScore(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);
}
