using System.Text.Json;
using Microsoft.Playwright;

namespace FleetCast.DashboardBench;

/// <summary>Clicks one tab inside the page and times, in the page's own clock, until the new tab panel is
/// marked ready, until every chart in it has been created in the browser (its canvas exists) and
/// until every chart has drawn ("updated page").</summary>
internal static class TabSwitch
{
    private const string Script = """
        async (id) => {
          const button = document.querySelector(`nav[aria-label='Tabs'] [role='tab'][data-tab-id='${id}']`);
          if (!button) throw new Error('no tab ' + id);
          const start = performance.now();
          let panelAt = null;
          let initAt = null;
          return await new Promise((resolve, reject) => {
            let observer = null;
            const timer = setTimeout(() => { observer?.disconnect(); reject(new Error('tab ' + id + ' not ready in 30 s')); }, 30000);
            const check = () => {
              const panel = document.querySelector(`[role='tabpanel'][data-tab='${id}'][data-ready='true']`);
              if (!panel) return false;
              if (panelAt === null) panelAt = performance.now() - start;
              const charts = Array.from(panel.querySelectorAll('[data-chart]'));
              if (initAt === null && charts.every(c => c.querySelector('canvas'))) initAt = performance.now() - start;
              if (!charts.every(c => c.dataset.ready === 'true')) return false;
              clearTimeout(timer);
              resolve({ panel: panelAt, init: initAt ?? panelAt, done: performance.now() - start, charts: charts.length });
              return true;
            };
            observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true });
            button.click();
          });
        }
        """;

    public static async Task<IReadOnlyList<string>> TabIdsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll(\"nav[aria-label='Tabs'] [role='tab']\")).map(b => b.dataset.tabId)");

    public static async Task<TabSwitchTiming> RunAsync(IPage page, string tab, int serverPid)
    {
        var server = ProcessStats.Read(serverPid).CpuTime;
        var browser = ProcessTree.BrowserCpu(serverPid);
        var result = await page.EvaluateAsync<JsonElement>(Script, tab);
        var serverCpu = (ProcessStats.Read(serverPid).CpuTime - server).TotalMilliseconds;
        var browserCpu = (ProcessTree.BrowserCpu(serverPid) - browser).TotalMilliseconds;
        return new TabSwitchTiming(tab, result.GetProperty("panel").GetDouble(), result.GetProperty("init").GetDouble(), result.GetProperty("done").GetDouble(), result.GetProperty("charts").GetInt32(), serverCpu, browserCpu);
    }
}
