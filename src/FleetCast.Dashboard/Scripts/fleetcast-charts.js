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
// Each chart's .NET click callback (a DotNetObjectReference from the EChart component).
const clickTargets = (globalThis.__fleetcastChartClicks ??= new WeakMap());

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// Data items may carry a ready-made "tip" text (built on the server), or their series an itemTips list
// (by data index, for series of plain [x, y, value] items); show it when present.
function tipFormatter(params, items) {
  const list = Array.isArray(params) ? params : [params];
  const lines = [];
  for (const p of list) {
    const tip = (p.data && typeof p.data === 'object' && !Array.isArray(p.data) && p.data.tip) || items[p.seriesIndex]?.tips?.[p.dataIndex];
    if (tip) {
      lines.push(escapeHtml(tip));
    } else if (p.seriesName && !String(p.seriesName).startsWith('_')) {
      const value = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
      if (value !== null && value !== undefined && value !== '-') {
        lines.push(`${p.marker}${escapeHtml(p.seriesName)}: ${escapeHtml(value)}`);
      }
    }
  }
  const head = list.length > 0 && list[0].axisValueLabel ? escapeHtml(list[0].axisValueLabel) + '<br/>' : '';
  return head + lines.join('<br/>');
}

// Parses a chart's option. A series' itemKeys and itemTips (by data index) are the module's, not
// ECharts': they are taken out here, once per option, so that ECharts neither copies nor reads them.
function setOptionText(state, text) {
  state.text = text;
  const option = JSON.parse(text);
  const series = Array.isArray(option.series) ? option.series : [];
  state.items = series.map(({ itemKeys, itemTips }) => ({ keys: itemKeys, tips: itemTips }));
  if (series.length > 0) {
    option.series = series.map(({ itemKeys, itemTips, ...rest }) => rest);
  }
  state.option = option;
}

function tooltipOf(state) {
  return { ...state.option.tooltip, formatter: params => tipFormatter(params, state.items) };
}

// No animation: live updates arrive up to several times a second (a transition still running when the
// next one starts leaves bars and lines between two states), and an animated first render keeps the
// page busy for a second after a tab switch, slowing whatever the user does next (DESIGN.md section 9).
// The tooltip is left out until the pointer first moves over the chart: ECharts' HTML tooltip reads the
// page's layout when it is created, which costs a full layout of the page for every chart of a tab.
function prepare(state) {
  const prepared = { ...state.option, animation: false };
  if (!state.tooltip) {
    delete prepared.tooltip;
  } else if (prepared.tooltip) {
    prepared.tooltip = tooltipOf(state);
  }
  return prepared;
}

// Sizes read from clientWidth are whole pixels, the observer's are fractional: a difference under a
// pixel is the same size (ECharts redraws the whole chart on every resize).
function sameSize(state, width, height) {
  return Math.abs(width - state.width) < 1 && Math.abs(height - state.height) < 1;
}

// The observer reports the size it finds after layout (no layout of its own, unlike reading
// clientWidth) and fires once right after observe(); only real size changes are passed on.
function observeSize(element, state) {
  const observer = new ResizeObserver(entries => {
    const box = entries[entries.length - 1].contentRect;
    if (!sameSize(state, box.width, box.height)) {
      state.width = box.width;
      state.height = box.height;
      state.chart.resize({ width: state.width || 'auto', height: state.height || 'auto' });
    }
  });
  observer.observe(element);
  return observer;
}

function enableTooltip(state) {
  if (state.tooltip || state.chart.isDisposed()) {
    return;
  }
  state.tooltip = true;
  if (state.option && state.option.tooltip) {
    state.chart.setOption({ tooltip: tooltipOf(state) });
  }
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

// The content box as ECharts measures it (clientWidth less padding); 0 when not laid out.
function contentSize(element) {
  const style = getComputedStyle(element);
  const width = element.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
  const height = element.clientHeight - (parseFloat(style.paddingTop) || 0) - (parseFloat(style.paddingBottom) || 0);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function inViewport(element) {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth;
}

// Creates the charts of a batch of new elements. Those in the window are drawn now; the others (most of
// the Server tab's at a laptop's height) are drawn when the browser is idle or when they scroll near the
// window, whichever comes first, so that a tab switch does not wait for charts nobody sees yet (each
// costs 15-40 ms in a software-rendered browser). Every size and position is read before any chart is
// created: a read after a chart was added would lay out the page again, once per chart.
function createAll(elements) {
  const fresh = elements.filter(element => !charts.has(element) && element.isConnected && element.getAttribute('data-option'));
  const measured = fresh.map(element => ({ element, size: contentSize(element), visible: inViewport(element) }));
  for (const { element, size, visible } of measured) {
    if (visible) {
      create(element, size);
    } else {
      defer(element);
    }
  }
}

const deferred = new Set();
let idleQueued = false;
const nearWindow = typeof IntersectionObserver === 'undefined'
  ? null
  : new IntersectionObserver(entries => entries.forEach(entry => entry.isIntersecting && createDeferred(entry.target)), { rootMargin: '200px' });
const whenIdle = globalThis.requestIdleCallback ?? (callback => setTimeout(callback, 50));

function defer(element) {
  if (deferred.has(element)) {
    return;
  }
  deferred.add(element);
  nearWindow?.observe(element);
  queueIdle();
}

function createDeferred(element) {
  if (!deferred.delete(element)) {
    return;
  }
  nearWindow?.unobserve(element);
  create(element);
}

// One chart per idle period, so that a click or an update arriving meanwhile is not held up.
function queueIdle() {
  if (idleQueued || deferred.size === 0) {
    return;
  }
  idleQueued = true;
  whenIdle(() => {
    idleQueued = false;
    const next = deferred.values().next().value;
    if (next) {
      createDeferred(next);
    }
    queueIdle();
  }, { timeout: 1000 });
}

// Charts that left the page (a tab switch), kept with their canvas for the next element of the same
// name: a software-rendered browser spends 3-20 ms allocating a new canvas (≈20 ms per million pixels),
// more than redrawing into an old one. Oldest first; beyond POOL_SIZE the oldest is disposed.
const POOL_SIZE = 24;
const pool = [];

function release(state) {
  state.host.remove();
  state.element = null;
  pool.push(state);
  if (pool.length > POOL_SIZE) {
    pool.shift().chart.dispose();
  }
}

// Prefers the chart that last drew this very option (the same tab shown again within one snapshot):
// its canvas still holds the drawing, so nothing needs to be drawn again.
function takeFromPool(name, text) {
  let found = -1;
  for (let i = pool.length - 1; i >= 0; i--) {
    if (pool[i].name === name && !pool[i].chart.isDisposed()) {
      if (pool[i].text === text) {
        found = i;
        break;
      }
      if (found < 0) {
        found = i;
      }
    }
  }
  return found < 0 ? undefined : pool.splice(found, 1)[0];
}

// A new chart draws into a host element of its own inside the component's element, so that the host
// (ECharts' container, with its canvas) can move to the next element of the same name.
function newChart(name, size) {
  const host = document.createElement('div');
  host.className = 'chart-host';
  host.style.cssText = 'width: 100%; height: 100%;';
  const chart = echarts.init(host, null, { renderer: 'canvas', width: size.width || 'auto', height: size.height || 'auto' });
  const state = { name, host, chart, element: null, text: null, option: null, items: [], tooltip: false, pending: null, timer: null, last: 0, resize: null, width: size.width, height: size.height };
  chart.on('click', params => {
    const key = (params.data && typeof params.data === 'object' && params.data.key) || state.items?.[params.seriesIndex]?.keys?.[params.dataIndex] || params.name;
    const dotNetRef = state.element && clickTargets.get(state.element);
    if (dotNetRef && key) {
      dotNetRef.invokeMethodAsync('OnChartClick', String(key)).catch(() => { });
    }
  });
  chart.on('finished', () => state.element && markReady(state.element));
  chart.getZr().on('mousemove', () => enableTooltip(state));
  return state;
}

function create(element, size) {
  const text = element.getAttribute('data-option');
  if (!text || !element.isConnected || charts.has(element)) {
    return;
  }
  size ??= contentSize(element);
  const name = element.getAttribute('data-chart');
  const state = takeFromPool(name, text) ?? newChart(name, size);
  element.appendChild(state.host);
  state.element = element;
  if (size.width && size.height && !sameSize(state, size.width, size.height)) {
    state.chart.resize({ width: size.width, height: size.height });
    state.width = size.width;
    state.height = size.height;
  }
  // A pooled chart that last drew this very option keeps its drawing (and its tooltip).
  if (state.text !== text) {
    state.tooltip = false;
    setOptionText(state, text);
    state.chart.setOption(prepare(state), { notMerge: true });
    state.last = Date.now();
  }
  state.resize = observeSize(element, state);
  charts.set(element, state);
  // 'finished' may not fire for an empty option; the first render has happened by the next frame.
  requestAnimationFrame(() => markReady(element));
}

// Called by the EChart component after its first render: hands over the callback for clicks.
export function init(element, dotNetRef) {
  // The element may already have left the page (the tab changed while the call was under way).
  if (element && element.isConnected) {
    clickTargets.set(element, dotNetRef);
  }
}

// Updates are throttled: at most one setOption per UPDATE_INTERVAL_MS, the latest option wins (and only
// that one is parsed). A chart not drawn yet reads its newest option when it is.
function update(element, text) {
  const state = charts.get(element);
  if (!state) {
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
      setOptionText(state, next);
      state.chart.setOption(prepare(state), { replaceMerge: ['series'], lazyUpdate: true });
      state.last = Date.now();
    }
  }, wait);
}

export function dispose(element) {
  if (!element) {
    return;
  }
  clickTargets.delete(element);
  if (deferred.delete(element)) {
    nearWindow?.unobserve(element);
  }
  const state = charts.get(element);
  if (!state) {
    return;
  }
  charts.delete(element);
  if (state.timer) {
    clearTimeout(state.timer);
    state.timer = null;
  }
  state.pending = null;
  state.resize?.disconnect();
  if (!state.chart.isDisposed()) {
    release(state);
  }
}

function chartsIn(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return [];
  }
  const found = Array.from(node.querySelectorAll(CHART_SELECTOR));
  return node.matches(CHART_SELECTOR) ? [node, ...found] : found;
}

function watch(root) {
  createAll(chartsIn(root));
  new MutationObserver(mutations => {
    const added = [];
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') {
        const element = mutation.target;
        if (element.isConnected && element.hasAttribute('data-chart')) {
          if (charts.has(element)) {
            update(element, element.getAttribute('data-option'));
          } else if (!deferred.has(element)) {
            added.push(element);
          }
        }
        continue;
      }
      for (const node of mutation.removedNodes) {
        chartsIn(node).forEach(element => element.isConnected || dispose(element));
      }
      for (const node of mutation.addedNodes) {
        added.push(...chartsIn(node));
      }
    }
    createAll([...new Set(added)]);
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
