using System.Text.Json;
using Microsoft.Playwright;

namespace FleetCast.DashboardBench;

/// <summary>Clicks one tab inside the page and times, in the page's own clock, until the new tab panel is
/// marked ready, until every chart inside the window has drawn (the updated page, as the user sees it)
/// and until every chart of the tab has drawn, including those below the window that the module draws
/// when the browser is idle.</summary>
internal static class TabSwitch
{
    private const string Script = """
        async (id) => {
          const button = document.querySelector(`nav[aria-label='Tabs'] [role='tab'][data-tab-id='${id}']`);
          if (!button) throw new Error('no tab ' + id);
          const start = performance.now();
          let panelAt = null;
          let visibleAt = null;
          return await new Promise((resolve, reject) => {
            let observer = null;
            const timer = setTimeout(() => { observer?.disconnect(); reject(new Error('tab ' + id + ' not ready in 30 s')); }, 30000);
            const check = () => {
              const panel = document.querySelector(`[role='tabpanel'][data-tab='${id}'][data-ready='true']`);
              if (!panel) return false;
              if (panelAt === null) panelAt = performance.now() - start;
              const charts = Array.from(panel.querySelectorAll('[data-chart]'));
              const inWindow = c => { const r = c.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth; };
              if (visibleAt === null && charts.filter(inWindow).every(c => c.dataset.ready === 'true')) visibleAt = performance.now() - start;
              if (!charts.every(c => c.dataset.ready === 'true')) return false;
              clearTimeout(timer);
              resolve({ panel: panelAt, visible: visibleAt, all: performance.now() - start, charts: charts.length, inWindow: charts.filter(inWindow).length });
              return true;
            };
            observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true });
            button.click();
          });
        }
        """;

    /// <summary>One round through every tab, from the second in tab-bar order back to the first (clicking
    /// the tab already shown changes nothing).</summary>
    public static async Task<IReadOnlyList<string>> RoundAsync(IPage page)
    {
        var tabs = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll(\"nav[aria-label='Tabs'] [role='tab']\")).map(b => b.dataset.tabId)");
        return [.. tabs.Skip(1), tabs[0]];
    }

    /// <param name="serverPid">The server process whose CPU time (and the browser's) is read; null: none.</param>
    public static async Task<TabSwitchTiming> RunAsync(IPage page, string tab, int? serverPid)
    {
        if (serverPid is not { } pid)
        {
            var untimed = await page.EvaluateAsync<JsonElement>(Script, tab);
            return Timing(tab, untimed, 0, 0);
        }

        var server = ProcessStats.Read(pid).CpuTime;
        var browser = ProcessTree.BrowserCpu(pid);
        var result = await page.EvaluateAsync<JsonElement>(Script, tab);
        var serverCpu = (ProcessStats.Read(pid).CpuTime - server).TotalMilliseconds;
        var browserCpu = (ProcessTree.BrowserCpu(pid) - browser).TotalMilliseconds;
        return Timing(tab, result, serverCpu, browserCpu);
    }

    private static TabSwitchTiming Timing(string tab, JsonElement result, double serverCpu, double browserCpu) =>
        new(tab, result.GetProperty("panel").GetDouble(), result.GetProperty("visible").GetDouble(), result.GetProperty("all").GetDouble(), result.GetProperty("charts").GetInt32(), result.GetProperty("inWindow").GetInt32(), serverCpu, browserCpu);
}
