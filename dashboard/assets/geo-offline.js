/*
 * Maps without a network. plotly draws a `geo` subplot on a base map of the world
 * that it fetches from its CDN (world_110m.json) before drawing anything, even
 * when the base map is hidden (geo.visible = false). plotly reads
 * window.PlotlyGeoAssets first: give it an empty world, so that the choropleth of
 * the local authorities, drawn from the boundaries in the database, needs nothing
 * from outside (dashboard/core/boundaries.py).
 */
(function () {
    "use strict";

    var empty = { type: "Topology", objects: {}, arcs: [] };
    window.PlotlyGeoAssets = window.PlotlyGeoAssets || { topojson: {} };
    ["world_110m", "world_50m"].forEach(function (name) {
        if (!window.PlotlyGeoAssets.topojson[name]) {
            window.PlotlyGeoAssets.topojson[name] = empty;
        }
    });
})();
