using FleetCast.Server.Storage;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Controls;

public partial class HistoricalAlertTable
{
    [Parameter, EditorRequired]
    public IReadOnlyList<AlertRecord> Rows { get; set; } = [];
}
