/*
 * plotly.js on demand. dcc.Graph loads plotly.js itself, asynchronously, when the
 * first chart is drawn, from window._dashPlotlyJSURL, which Dash's renderer sets to
 * the whole plotly.js (4.7 MB) as it starts. The page names plotly's cartesian bundle
 * instead (<body data-plotly-url>, dashboard/core/static.py): this keeps that URL,
 * whatever the renderer writes. A page with no chart never loads plotly.
 */
(function () {
    "use strict";

    var url = document.body && document.body.getAttribute("data-plotly-url");
    if (!url || window.Plotly) {
        return;
    }
    Object.defineProperty(window, "_dashPlotlyJSURL", {
        configurable: true,
        get: function () {
            return url;
        },
        set: function () {},
    });
})();
