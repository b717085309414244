// Injected into every benchmark page before the dashboard's own scripts. Records, in the page's own
// clock, when the first chart is drawn and when each new data time appears in the header, so that
// the measurements do not include Playwright's round trips.
(() => {
  const probe = { firstChart: null, firstPanel: null, dataTimes: [] };
  window.__fleetcastProbe = probe;
  const check = () => {
    if (probe.firstPanel === null && document.querySelector('[role="tabpanel"][data-ready="true"]')) {
      probe.firstPanel = performance.now();
    }
    if (probe.firstChart === null && document.querySelector('[data-chart][data-ready="true"]')) {
      probe.firstChart = performance.now();
    }
    const time = document.querySelector('[data-header="data-time"] time');
    if (time) {
      const text = time.textContent;
      const last = probe.dataTimes[probe.dataTimes.length - 1];
      if (!last || last.text !== text) {
        probe.dataTimes.push({ text, at: Date.now() });
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();
