// The dashboard's one chart module: creates, updates and disposes every chart, over a tree-shaken
// ECharts (only the chart types and components the dashboard uses are imported).
import * as echarts from 'echarts/core';
import { BarChart, LineChart, HeatmapChart } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, VisualMapPiecewiseComponent, MarkLineComponent,
  LegendPlainComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, HeatmapChart, GridComponent, TooltipComponent, VisualMapPiecewiseComponent,
  MarkLineComponent, LegendPlainComponent, CanvasRenderer,
]);

const UPDATE_INTERVAL_MS = 200;
// Shared through the page in case the module is ever evaluated twice (two URLs for one file).
const charts = (globalThis.__fleetcastCharts ??= new WeakMap());

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// Data items may carry a ready-made "tip" text (built on the server); show it when present.
function tipFormatter(params) {
  const items = Array.isArray(params) ? params : [params];
  const lines = [];
  for (const p of items) {
    if (p.data && typeof p.data === 'object' && p.data.tip) {
      lines.push(escapeHtml(p.data.tip));
    } else if (p.seriesName && !String(p.seriesName).startsWith('_')) {
      const value = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
      if (value !== null && value !== undefined && value !== '-') {
        lines.push(`${p.marker}${escapeHtml(p.seriesName)}: ${escapeHtml(value)}`);
      }
    }
  }
  const head = items.length > 0 && items[0].axisValueLabel ? escapeHtml(items[0].axisValueLabel) + '<br/>' : '';
  return head + lines.join('<br/>');
}

// No animation: live updates arrive up to several times a second (a transition still running when the
// next one starts leaves bars and lines between two states), and an animated first render keeps the
// page busy for a second after a tab switch, slowing whatever the user does next (DESIGN.md section 9).
function prepare(option) {
  const prepared = { ...option, animation: false };
  if (prepared.tooltip) {
    prepared.tooltip = { ...prepared.tooltip, formatter: tipFormatter };
  }
  return prepared;
}

// The observer fires once right after observe() and on layout changes that keep the size; ECharts
// redraws the whole chart on every resize() call, so only real size changes are passed on.
function observeSize(element, chart) {
  let width = element.clientWidth;
  let height = element.clientHeight;
  const observer = new ResizeObserver(() => {
    if (element.clientWidth !== width || element.clientHeight !== height) {
      width = element.clientWidth;
      height = element.clientHeight;
      chart.resize();
    }
  });
  observer.observe(element);
  return observer;
}

function markReady(element) {
  element.setAttribute('data-ready', 'true');
}

// Charts draw themselves from their element's data-option attribute (the option as JSON, rendered by
// the EChart component): created when the element enters the page, updated when the attribute
// changes, disposed when it leaves. The browser does this in the same task that applies Blazor's
// render batch, so a chart needs no server round trip after its markup arrives (DESIGN.md section 9:
// tab switch p95 < 100 ms). The server's init call only attaches the click callback.
const CHART_SELECTOR = '[data-chart][data-option]';

function create(element) {
  const text = element.getAttribute('data-option');
  if (!text || !element.isConnected) {
    return undefined;
  }
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  const state = { chart, pending: null, timer: null, last: 0, dotNetRef: null, resize: null };
  chart.on('click', params => {
    const key = (params.data && typeof params.data === 'object' && params.data.key) || params.name;
    if (state.dotNetRef && key) {
      state.dotNetRef.invokeMethodAsync('OnChartClick', String(key)).catch(() => { });
    }
  });
  chart.on('finished', () => markReady(element));
  chart.setOption(prepare(JSON.parse(text)), { notMerge: true });
  state.last = Date.now();
  state.resize = observeSize(element, chart);
  charts.set(element, state);
  // 'finished' may not fire for an empty option; the first render has happened by the next frame.
  requestAnimationFrame(() => markReady(element));
  return state;
}

// Called by the EChart component after its first render: hands over the callback for clicks (and
// creates the chart if the element arrived before this module was running).
export function init(element, dotNetRef) {
  // The element may already have left the page (the tab changed while the call was under way).
  if (!element || !element.isConnected) {
    return;
  }
  const state = charts.get(element) ?? create(element);
  if (state) {
    state.dotNetRef = dotNetRef;
  }
}

// Updates are throttled: at most one setOption per UPDATE_INTERVAL_MS, the latest option wins (and only
// that one is parsed).
function update(element, text) {
  const state = charts.get(element);
  if (!state) {
    create(element);
    return;
  }
  state.pending = text;
  if (state.timer) {
    return;
  }
  const wait = Math.max(0, state.last + UPDATE_INTERVAL_MS - Date.now());
  state.timer = setTimeout(() => {
    state.timer = null;
    const next = state.pending;
    state.pending = null;
    if (next && !state.chart.isDisposed()) {
      // Merged into the chart's model instead of rebuilding it; series are replaced as a whole so that
      // a shorter list leaves none behind.
      state.chart.setOption(prepare(JSON.parse(next)), { replaceMerge: ['series'], lazyUpdate: true });
      state.last = Date.now();
    }
  }, wait);
}

export function dispose(element) {
  const state = element ? charts.get(element) : undefined;
  if (!state) {
    return;
  }
  if (state.timer) {
    clearTimeout(state.timer);
  }
  state.resize?.disconnect();
  state.dotNetRef = null;
  if (!state.chart.isDisposed()) {
    state.chart.dispose();
  }
  charts.delete(element);
}

function forEachChart(node, action) {
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (node.matches(CHART_SELECTOR)) {
    action(node);
  }
  for (const element of node.querySelectorAll(CHART_SELECTOR)) {
    action(element);
  }
}

function watch(root) {
  forEachChart(root, element => charts.has(element) || create(element));
  new MutationObserver(mutations => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') {
        if (mutation.target.isConnected && mutation.target.hasAttribute('data-chart')) {
          update(mutation.target, mutation.target.getAttribute('data-option'));
        }
        continue;
      }
      for (const node of mutation.removedNodes) {
        forEachChart(node, element => element.isConnected || dispose(element));
      }
      for (const node of mutation.addedNodes) {
        forEachChart(node, element => charts.has(element) || create(element));
      }
    }
  }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-option'] });
}

// The page loads this module as a script (App.razor) so that it watches before the first render;
// Blazor's import() of the same URL gets this same instance.
if (typeof document !== 'undefined' && !globalThis.__fleetcastChartsWatching) {
  globalThis.__fleetcastChartsWatching = true;
  if (document.body) {
    watch(document.body);
  } else {
    document.addEventListener('DOMContentLoaded', () => watch(document.body), { once: true });
  }
}

// Small helpers for remembered dashboard settings (refresh mode); never throw.
export function loadSetting(key) {
  try { return window.localStorage.getItem(key); } catch { return null; }
}

export function saveSetting(key, value) {
  try { window.localStorage.setItem(key, value); } catch { /* storage disabled: keep the default */ }
}
