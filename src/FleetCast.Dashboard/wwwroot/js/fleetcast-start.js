// Starts Blazor after the page's load event (which waits for the chart module, drawn or failed) and the frame
// after it: the prerendered charts reach the screen before Blazor's script and circuit take the main thread
// (DESIGN.md section 9: first chart < 1 s cold). The custom event is registered before the circuit starts: a
// click inside a container with @onopenserver reaches it with the server of the link clicked
// (Events/EventHandlers.cs). A file, not an inline script, so the page's Content-Security-Policy needs no
// 'unsafe-inline' for scripts.
(() => {
    const src = document.currentScript.dataset.blazorSrc;
    const start = () => {
        const script = document.createElement('script');
        script.src = src;
        script.setAttribute('autostart', 'false');
        script.onload = () => {
            Blazor.registerCustomEventType('openserver', {
                browserEventName: 'click',
                createEventArgs: event => ({ server: event.target.closest?.('[data-open-server]')?.dataset.openServer ?? null })
            });
            Blazor.start();
        };
        document.body.appendChild(script);
    };
    let started = false;
    const startOnce = () => {
        if (!started) {
            started = true;
            start();
        }
    };
    // This script runs while the page is parsed, so the load event is still to come. A page opened in the
    // background gets no frames: it starts by the timer instead.
    window.addEventListener('load', () => {
        requestAnimationFrame(() => setTimeout(startOnce, 0));
        setTimeout(startOnce, 100);
    }, { once: true });
})();
