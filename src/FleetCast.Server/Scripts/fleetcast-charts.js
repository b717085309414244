// The dashboard's one chart module: init / update / dispose for every chart, over a tree-shaken
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
const LARGE_SERIES = 500;
const charts = new WeakMap();

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

// Only the first render animates: live updates arrive up to several times a second, and an animated
// transition still running when the next one starts leaves bars and lines between two states.
function prepare(option, animate) {
  const prepared = { ...option };
  if (prepared.tooltip) {
    prepared.tooltip = { ...prepared.tooltip, formatter: tipFormatter };
  }
  let points = 0;
  for (const s of prepared.series ?? []) {
    points += Array.isArray(s.data) ? s.data.length : 0;
  }
  // Animation costs more than it gives on large series (DESIGN.md section 9).
  prepared.animation = animate && points < LARGE_SERIES && prepared.animation !== false;
  return prepared;
}

function markReady(element) {
  element.setAttribute('data-ready', 'true');
}

export function init(element, option, dotNetRef) {
  // The element may already have left the page (the tab changed while the call was under way).
  if (!element || !element.isConnected) {
    return;
  }
  dispose(element);
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  const state = { chart, pending: null, timer: null, last: 0, dotNetRef, resize: null };
  chart.on('click', params => {
    const key = (params.data && typeof params.data === 'object' && params.data.key) || params.name;
    if (state.dotNetRef && key) {
      state.dotNetRef.invokeMethodAsync('OnChartClick', String(key)).catch(() => { });
    }
  });
  chart.on('finished', () => markReady(element));
  chart.setOption(prepare(option, true), { notMerge: true });
  state.last = Date.now();
  state.resize = new ResizeObserver(() => chart.resize());
  state.resize.observe(element);
  charts.set(element, state);
  // 'finished' may not fire for an empty option; the first render has happened by the next frame.
  requestAnimationFrame(() => markReady(element));
}

// Updates are throttled: at most one setOption per UPDATE_INTERVAL_MS, the latest option wins.
export function update(element, option) {
  const state = element ? charts.get(element) : undefined;
  if (!state) {
    return;
  }
  state.pending = option;
  if (state.timer) {
    return;
  }
  const wait = Math.max(0, state.last + UPDATE_INTERVAL_MS - Date.now());
  state.timer = setTimeout(() => {
    state.timer = null;
    const next = state.pending;
    state.pending = null;
    if (next && !state.chart.isDisposed()) {
      state.chart.setOption(prepare(next, false), { notMerge: true, lazyUpdate: true });
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

// Small helpers for remembered dashboard settings (refresh mode); never throw.
export function loadSetting(key) {
  try { return window.localStorage.getItem(key); } catch { return null; }
}

export function saveSetting(key, value) {
  try { window.localStorage.setItem(key, value); } catch { /* storage disabled: keep the default */ }
}
