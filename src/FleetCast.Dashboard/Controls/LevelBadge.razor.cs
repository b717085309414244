using FleetCast.Dashboard.Shared;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Controls;

public partial class LevelBadge
{
    [Parameter, EditorRequired]
    public LevelStyle Style { get; set; } = default!;
}
