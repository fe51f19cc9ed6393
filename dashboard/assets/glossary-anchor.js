/*
 * A link to a glossary entry (/data#glossary-ei-index, under every chart) opens a
 * page that Dash draws after the browser has looked for the fragment, so the browser
 * finds nothing to scroll to. Once the entry is drawn, scroll it into view, mark its
 * row and move focus to it, so that keyboard and screen-reader users land there too.
 * Each address is handled once: later redraws of the page do not scroll it again.
 */
(function () {
    "use strict";

    var handled = null;

    function showTarget() {
        var hash = window.location.hash;
        if (!hash || hash.length < 2) {
            handled = null;
            return;
        }
        var address = window.location.pathname + window.location.search + hash;
        if (handled === address) {
            return;
        }
        var target = document.getElementById(decodeURIComponent(hash.slice(1)));
        if (!target) {
            return;
        }
        handled = address;
        var marked = document.querySelectorAll("tr.is-target");
        for (var i = 0; i < marked.length; i++) {
            marked[i].classList.remove("is-target");
        }
        var row = target.closest ? target.closest("tr") : null;
        if (row) {
            row.classList.add("is-target");
        }
        if (!target.hasAttribute("tabindex")) {
            target.setAttribute("tabindex", "-1");
        }
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: "center" });
    }

    new MutationObserver(showTarget).observe(document.documentElement, {
        childList: true,
        subtree: true,
    });
    window.addEventListener("hashchange", showTarget);
    window.addEventListener("popstate", showTarget);
})();
