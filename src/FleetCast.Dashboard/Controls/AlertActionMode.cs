using FleetCast.Core.Alerts;

namespace FleetCast.Dashboard.Controls;

/// <summary>Which form the Alerts tab shows for the selected alert.</summary>
public enum AlertActionMode
{
    Acknowledge,
    Silence,
}
