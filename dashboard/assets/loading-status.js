/*
 * Say that the page is at work. While a callback runs, Dash marks the components it
 * will update with data-dash-is-loading="true". When that has lasted LOADING_DELAY_MS
 * (a fast answer shows nothing, so nothing flashes), the shell's status
 * (#shell-loading, role="status": read out politely, once) gets its text and a
 * visible bar, and <main> is marked aria-busy; both go when nothing is loading.
 */
(function () {
    "use strict";

    var LOADING_DELAY_MS = 300;
    var POLL_MS = 150;
    var waiting = null;
    var polling = null;
    var busy = false;

    function isLoading() {
        return document.querySelector('[data-dash-is-loading="true"]') !== null;
    }

    function show(on) {
        var status = document.getElementById("shell-loading");
        var main = document.getElementById("main");
        busy = on;
        if (status) {
            status.textContent = on ? status.getAttribute("data-text") || "" : "";
            status.classList.toggle("is-busy", on);
        }
        if (main) {
            if (on) {
                main.setAttribute("aria-busy", "true");
            } else {
                main.removeAttribute("aria-busy");
            }
        }
        // A component that goes away while loading changes no attribute: poll while busy.
        if (on && polling === null) {
            polling = window.setInterval(check, POLL_MS);
        } else if (!on && polling !== null) {
            window.clearInterval(polling);
            polling = null;
        }
    }

    function check() {
        if (isLoading()) {
            if (!busy && waiting === null) {
                waiting = window.setTimeout(function () {
                    waiting = null;
                    if (isLoading()) {
                        show(true);
                    }
                }, LOADING_DELAY_MS);
            }
            return;
        }
        if (waiting !== null) {
            window.clearTimeout(waiting);
            waiting = null;
        }
        if (busy) {
            show(false);
        }
    }

    new MutationObserver(check).observe(document.documentElement, {
        subtree: true,
        attributes: true,
        attributeFilter: ["data-dash-is-loading"],
    });
})();
