/*
 * Plotly's "Download plot as a PNG" (the camera in a chart's toolbar) makes the
 * image in the browser, where the server cannot see it. Report each one to the
 * audit log: the page's path and the chart's id, nothing of the data
 * (dashboard/access/audit_images.py checks the report and records who sent it).
 */
(function () {
    "use strict";

    // Shared with chart-export.js (assets/_plcnet-common.js, loaded first).
    var isImageButton = window.plcnetCommon.isImageButton;
    var pathPrefix = window.plcnetCommon.pathPrefix;

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
