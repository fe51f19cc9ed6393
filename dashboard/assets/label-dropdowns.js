/*
 * Two repairs to Dash's dropdown, kept up as Dash re-renders:
 *
 * 1. Its button is named by the value shown only (aria-labelledby), which hides
 *    the visible <label for=...> from screen readers. Put the label first in the
 *    button's name: "Academic year, 2018/19".
 * 2. It keeps the tab stop on a hidden input (aria-hidden, yet focusable) that
 *    hands focus on to the button: a focusable element hidden from assistive
 *    technology (axe: aria-hidden-focus). Make the button itself the tab stop.
 */
(function () {
    "use strict";

    function labelDropdowns(root) {
        root.querySelectorAll("label[for]").forEach(function (label) {
            var control = document.getElementById(label.htmlFor);
            if (!control || !control.classList.contains("dash-dropdown")) {
                return;
            }
            if (!label.id) {
                label.id = label.htmlFor + "-label";
            }
            var names = (control.getAttribute("aria-labelledby") || "").split(/\s+/);
            if (names.indexOf(label.id) === -1) {
                control.setAttribute("aria-labelledby", [label.id].concat(names).join(" ").trim());
            }
        });
    }

    function moveTabStops(root) {
        root.querySelectorAll("input.dash-dropdown-focus-target").forEach(function (proxy) {
            if (proxy.getAttribute("tabindex") !== "-1") {
                proxy.setAttribute("tabindex", "-1");
            }
        });
        root.querySelectorAll("button.dash-dropdown:not([disabled])").forEach(function (button) {
            if (button.getAttribute("tabindex") !== "0") {
                button.setAttribute("tabindex", "0");
            }
        });
    }

    var observer = new MutationObserver(function () {
        labelDropdowns(document);
        moveTabStops(document);
    });
    observer.observe(document.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ["tabindex"],
    });
})();
