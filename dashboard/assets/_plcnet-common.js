/*
 * Helpers the other scripts of assets/ share, as window.plcnetCommon. Dash loads the
 * files of assets/ in the order of their names: the "_" puts this one before every
 * script that uses it (tests/dashboard/core/test_static.py checks the order).
 *
 * isImageButton: whether a button of a chart's toolbar is plotly's camera (used by
 *   audit-images.js, which reports the download, and chart-export.js, which saves the
 *   image with its provenance).
 * pathPrefix: the path the dashboard is served under ("/", or the prefix a reverse
 *   proxy gives it), from Dash's own config.
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

    window.plcnetCommon = {
        isImageButton: isImageButton,
        pathPrefix: pathPrefix,
    };
})();
