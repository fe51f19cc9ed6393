/*
 * A chart's image says where it came from (issue 12, item 10). Plotly's camera
 * ("Download plot as a PNG") would save the chart bare, as newplot.png. This takes
 * its click instead (after assets/audit-images.js has reported it: that listener
 * was added first), asks the server for the chart's provenance in the view on
 * screen (dashboard/core/exports.py, through the store shell-export-request), and
 * saves the figure with:
 *   - the chart's heading as its title, and the schools and year beneath it;
 *   - below the plot: the source, "data as at" with the refresh, and the caveat of
 *     demonstration data when the data are the demo's;
 *   - a file name after the view, in the page's language (the CSV's, .png).
 * What is on screen does not change: the title and the note are the image's only.
 */
(function () {
    "use strict";

    // Shared with audit-images.js (assets/_plcnet-common.js, loaded first).
    var isImageButton = window.plcnetCommon.isImageButton;

    var REQUEST = "shell-export-request";
    var WIDTH = 1200;
    var TITLE_SPACE = 90;
    var NOTE_LINE = 16;
    var NOTE_CHARS = 150;

    function escapeText(text) {
        return String(text || "")
            .replace(/&/g, "&amp;")
            .replace(/</g, "&lt;")
            .replace(/>/g, "&gt;");
    }

    // Plotly draws text on one line: break a long note at spaces.
    function wrap(text, width) {
        var lines = [];
        var line = "";
        String(text || "").split(/\s+/).forEach(function (word) {
            if (line && (line + " " + word).length > width) {
                lines.push(line);
                line = word;
            } else {
                line = line ? line + " " + word : word;
            }
        });
        if (line) {
            lines.push(line);
        }
        return lines;
    }

    function copy(value) {
        return value === undefined ? {} : JSON.parse(JSON.stringify(value));
    }

    /* How far below the plot area its labels and legend reach, in pixels. */
    function drawnBelow(gd, size) {
        var origin = gd.getBoundingClientRect().top;
        var plotBottom = (size.t || 0) + (size.h || 0);
        var lowest = plotBottom;
        gd.querySelectorAll(".xtick, .g-xtitle, .legend").forEach(function (element) {
            var box = element.getBoundingClientRect();
            if (box.height > 0) {
                lowest = Math.max(lowest, box.bottom - origin);
            }
        });
        return lowest - plotBottom;
    }

    /* The figure as exported: the one on screen, with a title and a note. */
    function buildExportFigure(gd, title, note) {
        var layout = copy(gd.layout);
        var full = gd._fullLayout || {};
        var size = full._size || {};
        var margin = layout.margin || {};
        // The margins as drawn (automargin included), and what is drawn below the plot
        // (tick labels, the axis title, a legend), which may reach past the margin.
        var bottom = Math.max(
            size.b !== undefined ? size.b : margin.b !== undefined ? margin.b : 80,
            drawnBelow(gd, size) + 8
        );
        var top = size.t !== undefined ? size.t : margin.t !== undefined ? margin.t : 40;
        var lines = [note.source, note.as_at, note.caveat].filter(Boolean);
        lines = [].concat.apply([], lines.map(function (l) { return wrap(l, NOTE_CHARS); }));
        var noteSpace = NOTE_LINE * lines.length + 24;
        var height = (full.height || 450) + TITLE_SPACE + noteSpace;
        layout.margin = Object.assign({}, margin, {
            t: top + TITLE_SPACE,
            b: bottom + noteSpace,
        });
        var subtitle = note.where
            ? "<br><span style=\"font-size:14px\">" + escapeText(note.where) + "</span>"
            : "";
        layout.title = {
            text: "<b>" + escapeText(title) + "</b>" + subtitle,
            x: 0,
            xanchor: "left",
            xref: "container",
            y: 1 - 22 / height,
            yanchor: "top",
            yref: "container",
            pad: { l: 16 },
            font: { size: 20 },
        };
        layout.annotations = (layout.annotations || []).concat([
            {
                name: "plcnet-provenance",
                text: lines.map(escapeText).join("<br>"),
                xref: "paper",
                yref: "paper",
                x: 0,
                y: 0,
                xanchor: "left",
                yanchor: "top",
                yshift: -(bottom + 4),
                align: "left",
                showarrow: false,
                font: { size: 12 },
            },
        ]);
        layout.width = WIDTH;
        layout.height = height;
        return { data: gd.data, layout: layout };
    }

    function graphOf(button) {
        var holder = button.closest(".dash-graph");
        return holder ? holder.querySelector(".js-plotly-plot") : null;
    }

    var pending = {};

    document.addEventListener(
        "click",
        function (event) {
            var button = event.target.closest ? event.target.closest(".modebar-btn") : null;
            if (!button || !isImageButton(button)) {
                return;
            }
            var holder = button.closest(".dash-graph");
            var clientside = window.dash_clientside;
            if (!holder || !holder.id || !clientside || !clientside.set_props) {
                return; // plotly's own download, bare, rather than none
            }
            event.preventDefault();
            event.stopPropagation();
            var nonce = String(Date.now()) + "-" + Math.random().toString(16).slice(2);
            pending[nonce] = holder.id;
            clientside.set_props(REQUEST, { data: { chart: holder.id, nonce: nonce } });
        },
        true
    );

    /* The clientside callback of the store shell-export-note (dashboard/core/exports.py). */
    function saveChartImage(note) {
        if (!note || !note.chart || !pending[note.nonce]) {
            return;
        }
        delete pending[note.nonce];
        var holder = document.getElementById(note.chart);
        var gd = holder ? holder.querySelector(".js-plotly-plot") : null;
        if (!gd) {
            return;
        }
        var section = holder.closest("section");
        var heading = section ? section.querySelector("h2") : null;
        var title = heading ? heading.textContent : "";
        var figure = buildExportFigure(gd, title, note);
        window.Plotly.downloadImage(figure, {
            format: "png",
            filename: note.filename,
            width: figure.layout.width,
            height: figure.layout.height,
        });
    }

    window.dash_clientside = window.dash_clientside || {};
    window.dash_clientside.plcnet_export = {
        saveChartImage: saveChartImage,
        buildExportFigure: buildExportFigure,
        graphOf: graphOf,
    };
})();
