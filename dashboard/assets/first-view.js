/*
 * The first view. The server writes the page into its HTML (#first-view,
 * dashboard/ui/static_html.py), so that it paints before any script runs; Dash's
 * renderer then draws the same page in #react-entry-point, which assets/plcnet.css
 * keeps unseen and out of the flow while #first-view is there. Once the page drawn
 * by React holds the page's content, no callback is loading, its charts are drawn and
 * its height has stopped changing, the first view is removed and React's page is
 * seen in its place, in one step: nothing the reader sees moves while the page is
 * built. After LONGEST_MS the swap happens anyway.
 */
(function () {
    "use strict";

    var SETTLE_MS = 100;
    var LONGEST_MS = 10000;
    var first = document.getElementById("first-view");
    var root = document.getElementById("react-entry-point");
    if (!first || !root) {
        return;
    }
    var started = Date.now();
    var waiting = null;
    var lastHeight = -1;

    function chartsDrawn() {
        var graphs = root.querySelectorAll(".dash-graph");
        for (var i = 0; i < graphs.length; i += 1) {
            if (!graphs[i].querySelector(".main-svg")) {
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
        first.remove();
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

    var observer = new MutationObserver(function () {
        if (waiting === null) {
            waiting = window.setTimeout(settle, SETTLE_MS);
        }
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true });
})();
