/*
 * Start the page's scripts once its first view has painted. The server writes the
 * page into its HTML (#first-view, dashboard/ui/static_html.py); if Dash's scripts ran
 * as the page was parsed, or deferred, the browser would paint it only after them:
 * seconds of work on a phone. This script (deferred, the only one the page names)
 * waits for the first frame, then adds Dash's scripts, written inert in their order
 * (<script type="plcnet/later" data-src>: dashboard/core/static.py
 * start_scripts_later), fetched together and run one after the other (async = false),
 * and tells Dash's renderer to start when the last has run (the
 * "plcnet:scripts-loaded" event its inline start waits for).
 */
(function () {
    "use strict";

    var sources = Array.prototype.map.call(
        document.querySelectorAll('script[type="plcnet/later"][data-src]'),
        function (inert) {
            return inert.getAttribute("data-src");
        }
    );

    function started() {
        window.dispatchEvent(new Event("plcnet:scripts-loaded"));
    }

    function addScripts() {
        if (sources.length === 0) {
            started();
            return;
        }
        sources.forEach(function (source, index) {
            var script = document.createElement("script");
            script.src = source;
            script.async = false;
            if (index === sources.length - 1) {
                script.addEventListener("load", started);
            }
            document.body.appendChild(script);
        });
    }

    // The frame after this one has painted the first view.
    window.requestAnimationFrame(function () {
        window.setTimeout(addScripts, 0);
    });
})();
