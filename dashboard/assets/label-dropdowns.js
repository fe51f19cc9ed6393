/*
 * Dash's dropdown names its button by the value shown only (aria-labelledby),
 * which hides the visible <label for=...> from screen readers. Put the label
 * first in the button's name: "Academic year, 2018/19".
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

    var observer = new MutationObserver(function () {
        labelDropdowns(document);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
})();
