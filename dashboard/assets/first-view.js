/*
 * The first view, and the start of the page's scripts.
 *
 * The server writes the page into its HTML (#first-view, dashboard/ui/static_html.py),
 * so that it paints before any script runs. This is the one script the page names,
 * deferred. It:
 *
 * 1. opens and closes the first view's folded nav with its button, until Dash's own
 *    nav takes over;
 * 2. once the first view has painted, adds Dash's scripts, written inert in their
 *    order (<script type="plcnet/later" data-src>: dashboard/core/static.py
 *    start_scripts_later), fetched together and run one after the other
 *    (async = false), and tells Dash's renderer to start when the last has run
 *    ("plcnet:scripts-loaded", which its inline start waits for): run as the page was
 *    parsed, they would hold its first paint back by seconds on a phone;
 * 3. meanwhile Dash draws the same page in #react-entry-point, which assets/plcnet.css
 *    keeps unseen and out of the flow while #first-view is there. Once that page holds
 *    the content, no callback is loading, its charts are drawn (or wait, their
 *    height kept, until they come near the screen: assets/charts-on-demand.js) and
 *    its height has stopped changing, the first view is removed and React's page is seen in its
 *    place, in one step, with the nav as the reader left it and the focus on the
 *    same control: nothing the reader sees moves. After LONGEST_MS it happens anyway.
 */
(function () {
    "use strict";

    var SETTLE_MS = 100;
    var LONGEST_MS = 10000;
    var PREFIX = "first-view-";
    var NAV_TOGGLE = "shell-nav-toggle";
    var first = document.getElementById("first-view");
    var root = document.getElementById("react-entry-point");
    var started = Date.now();
    var waiting = null;
    var lastHeight = -1;
    var observer = null;

    function startScripts() {
        var sources = Array.prototype.map.call(
            document.querySelectorAll('script[type="plcnet/later"][data-src]'),
            function (inert) {
                return inert.getAttribute("data-src");
            }
        );
        if (sources.length === 0) {
            window.dispatchEvent(new Event("plcnet:scripts-loaded"));
            return;
        }
        sources.forEach(function (source, index) {
            var script = document.createElement("script");
            script.src = source;
            script.async = false;
            if (index === sources.length - 1) {
                script.addEventListener("load", function () {
                    window.dispatchEvent(new Event("plcnet:scripts-loaded"));
                });
            }
            document.body.appendChild(script);
        });
    }

    function foldingNav() {
        var toggle = document.getElementById(PREFIX + NAV_TOGGLE);
        if (toggle) {
            toggle.addEventListener("click", function () {
                var open = toggle.getAttribute("aria-expanded") === "true";
                toggle.setAttribute("aria-expanded", open ? "false" : "true");
            });
        }
    }

    // A chart is drawn, or waits, its height kept, until it comes near the screen
    // (assets/charts-on-demand.js).
    function chartsDrawn() {
        var graphs = root.querySelectorAll(".dash-graph");
        for (var i = 0; i < graphs.length; i += 1) {
            if (!graphs[i].querySelector(".main-svg, [data-chart-waiting]")) {
                return false;
            }
        }
        return true;
    }

    function drawn() {
        var content = document.getElementById("_pages_content");
        return (
            content !== null &&
            content.firstElementChild !== null &&
            root.querySelector('[data-dash-is-loading="true"]') === null &&
            chartsDrawn()
        );
    }

    function swap() {
        observer.disconnect();
        var focused = document.activeElement;
        var focusedId = first.contains(focused) && focused.id ? focused.id : "";
        var firstToggle = document.getElementById(PREFIX + NAV_TOGGLE);
        var navOpen = firstToggle && firstToggle.getAttribute("aria-expanded") === "true";
        first.remove();
        var toggle = document.getElementById(NAV_TOGGLE);
        if (navOpen && toggle && toggle.getAttribute("aria-expanded") !== "true") {
            toggle.click();
        }
        if (focusedId.indexOf(PREFIX) === 0) {
            var same = document.getElementById(focusedId.slice(PREFIX.length));
            if (same) {
                same.focus();
            }
        }
    }

    function settle() {
        waiting = null;
        var height = root.offsetHeight;
        if (Date.now() - started > LONGEST_MS || (drawn() && height === lastHeight)) {
            swap();
            return;
        }
        lastHeight = height;
        waiting = window.setTimeout(settle, SETTLE_MS);
    }

    if (first && root) {
        foldingNav();
        observer = new MutationObserver(function () {
            if (waiting === null) {
                waiting = window.setTimeout(settle, SETTLE_MS);
            }
        });
        observer.observe(root, { childList: true, subtree: true, attributes: true });
    }
    // The frame after this one has painted the first view.
    window.requestAnimationFrame(function () {
        window.setTimeout(startScripts, 0);
    });
})();
