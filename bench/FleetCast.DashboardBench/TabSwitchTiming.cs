namespace FleetCast.DashboardBench;

/// <summary>One tab switch: ms from the click to the panel marked ready and to all its charts drawn.</summary>
internal readonly record struct TabSwitchTiming(string Tab, double PanelMs, double DoneMs, int Charts);
