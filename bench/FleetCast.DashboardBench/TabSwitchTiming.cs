namespace FleetCast.DashboardBench;

/// <summary>One tab switch, in ms from the click: the panel marked ready, every chart of it created in
/// the browser (canvas present: the server's init call has arrived), every chart drawn.</summary>
internal readonly record struct TabSwitchTiming(string Tab, double PanelMs, double ChartsCreatedMs, double DoneMs, int Charts);
