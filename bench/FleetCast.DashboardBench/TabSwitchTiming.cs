namespace FleetCast.DashboardBench;

/// <summary>One tab switch, in ms from the click: the panel marked ready, every chart of it created in
/// the browser (canvas present), every chart drawn; and the CPU time the server and the browser
/// (Chromium and the Playwright driver) spent from the click to the end (10 ms resolution).</summary>
internal readonly record struct TabSwitchTiming(string Tab, double PanelMs, double ChartsCreatedMs, double DoneMs, int Charts, double ServerCpuMs, double BrowserCpuMs);
