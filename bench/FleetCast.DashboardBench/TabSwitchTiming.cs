namespace FleetCast.DashboardBench;

/// <summary>One tab switch, in ms from the click: the panel marked ready, every chart inside the window
/// drawn (the updated page), every chart of the tab drawn; how many charts the tab has and how many lie
/// inside the window; and the CPU time the server and the browser (Chromium and the Playwright driver)
/// spent from the click to the end (10 ms resolution).</summary>
internal readonly record struct TabSwitchTiming(string Tab, double PanelMs, double UpdatedMs, double AllChartsMs, int Charts, int ChartsInWindow, double ServerCpuMs, double BrowserCpuMs);
