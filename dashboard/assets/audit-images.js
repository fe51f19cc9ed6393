/*
 * Plotly's "Download plot as a PNG" (the camera in a chart's toolbar) makes the
 * image in the browser, where the server cannot see it. Report each one to the
 * audit log: the page's path and the chart's id, nothing of the data
 * (dashboard/access/audit_images.py checks the report and records who sent it).
 */
(function () {
    "use strict";

    // The toImage button's title in plotly.js ("Download plot as a PNG", or "Download
    // plot" for another format), in English or in the chart's own locale: the toolbar
    // speaks the page's language (dashboard/ui/charts.py, build_graph_config).
    var IMAGE_TITLES = ["Download plot as a PNG", "Download plot"];

    function isImageButton(button) {
        var title = button.getAttribute("data-title") || "";
        var plot = button.closest(".js-plotly-plot");
        var context = plot && plot._context;
        var locale = context && context.locales && context.locales[context.locale];
        var dictionary = (locale && locale.dictionary) || {};
        return IMAGE_TITLES.some(function (english) {
            return title === english || title === dictionary[english];
        });
    }

    function pathPrefix() {
        var config = document.getElementById("_dash-config");
        try {
            return JSON.parse(config.textContent).requests_pathname_prefix || "/";
        } catch (error) {
            return "/";
        }
    }

    function pagePath() {
        var prefix = pathPrefix();
        var path = window.location.pathname;
        return path.indexOf(prefix) === 0 ? "/" + path.slice(prefix.length) : path;
    }

    document.addEventListener(
        "click",
        function (event) {
            var button = event.target.closest ? event.target.closest(".modebar-btn") : null;
            if (!button || !isImageButton(button)) {
                return;
            }
            var graph = button.closest(".dash-graph");
            if (!graph || !graph.id) {
                return;
            }
            window.fetch(pathPrefix() + "audit/image", {
                method: "POST",
                credentials: "same-origin",
                keepalive: true,
                headers: { "Content-Type": "application/json" },
                body: JSON.stringify({ page: pagePath(), chart: graph.id }),
            }).catch(function () {
                // The image is downloaded already: a report lost on the way (the
                // network, a sign-out) is not the reader's error to see.
            });
        },
        true
    );
})();
