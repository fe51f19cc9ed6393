/*
 * Charts drawn when they come into view, and plotly.js loaded with the first.
 *
 * dcc.Graph draws every chart of a page as it mounts, with the global Plotly.react,
 * and loads plotly.js for the first (from window._dashPlotlyJSURL) unless
 * window.Plotly is there already. On a first visit, evaluating plotly and drawing
 * every chart were most of the main thread's work after the first paint, though on
 * the regions, compare and school pages every chart is below the fold
 * (docs/dashboard.md, "How fast"). So:
 *
 * - Until plotly has loaded, window.Plotly is a stand-in (STAND_IN), which dcc.Graph
 *   takes for plotly: it loads nothing itself.
 * - Plotly.react of a chart not drawn yet keeps the figure, reserves the chart's
 *   height (its layout's, or plotly's default), so that nothing moves when it is
 *   drawn, and marks it (WAITING). An IntersectionObserver draws it when it is in
 *   the viewport, loading plotly (the cartesian bundle named in
 *   <body data-plotly-url>, dashboard/core/static.py) for the first: charts above
 *   the fold are drawn at once. Once the reader scrolls, plotly is loaded and charts
 *   are drawn as they come within NEAR of the viewport, before they are seen.
 *   Charts that come together are drawn one per task, so that no task holds the
 *   page long. A chart in a hidden section is drawn when it is shown.
 * - A chart drawn already is redrawn at once, as before.
 * - dcc.Graph adds its listeners (gd.on) once react's promise has resolved; a chart
 *   waiting keeps them and hands them to plotly when it is drawn.
 * - Before printing, every chart waiting is drawn (plotly draws synchronously), once
 *   plotly is there: it is when a chart was drawn or the reader has scrolled.
 *
 * A chart's numbers are in the table beside it (dashboard/ui/charts.py) whether it
 * is drawn or not: that is what screen readers read.
 */
(function () {
    "use strict";

    var url = document.body && document.body.getAttribute("data-plotly-url");
    if (!url || window.Plotly || !("IntersectionObserver" in window)) {
        return;
    }
    // Half a viewport above and below, once the reader scrolls.
    var NEAR = "50% 0px";
    // plotly's height when a layout names none.
    var DEFAULT_HEIGHT = 450;
    var WAITING = "data-chart-waiting";

    var plotly = null;
    var realReact = null;
    var loading = null;
    var waiting = new Map();
    var due = [];
    var drawing = false;

    function loadPlotly() {
        if (loading === null) {
            loading = new Promise(function (resolve, reject) {
                var script = document.createElement("script");
                script.src = url;
                script.async = true;
                script.onload = function () {
                    resolve(plotly);
                };
                script.onerror = reject;
                document.body.appendChild(script);
            });
        }
        return loading;
    }

    function isDrawn(gd) {
        return Boolean(gd._fullLayout);
    }

    function reserveHeight(gd, figure) {
        var layout = (figure && figure.layout) || {};
        var height = typeof layout.height === "number" ? layout.height : DEFAULT_HEIGHT;
        gd.style.minHeight = height + "px";
    }

    // dcc.Graph's listeners, kept until plotly makes the chart an emitter of its own.
    function keepListeners(gd) {
        var kept = [];
        gd.on = function (name, listener) {
            kept.push([name, listener]);
        };
        gd.removeAllListeners = function () {
            kept.length = 0;
            forget(gd);
        };
        return kept;
    }

    // One chart per task, in the order they came.
    function drawDue() {
        if (drawing || due.length === 0) {
            return;
        }
        drawing = true;
        loadPlotly().then(function () {
            window.setTimeout(function next() {
                var gd = due.shift();
                if (gd) {
                    draw(gd);
                }
                if (due.length > 0) {
                    window.setTimeout(next, 0);
                } else {
                    drawing = false;
                }
            }, 0);
        });
    }

    function watch(margin) {
        return new IntersectionObserver(
            function (entries) {
                entries.forEach(function (entry) {
                    if (entry.isIntersecting && due.indexOf(entry.target) < 0) {
                        due.push(entry.target);
                    }
                });
                drawDue();
            },
            { rootMargin: margin }
        );
    }

    var observer = watch("0px");

    function wait(gd, args) {
        var known = waiting.get(gd);
        reserveHeight(gd, args[0]);
        if (known) {
            known.args = args;
            return;
        }
        waiting.set(gd, { args: args, listeners: keepListeners(gd) });
        gd.setAttribute(WAITING, "");
        observer.observe(gd);
    }

    function forget(gd) {
        if (waiting.delete(gd)) {
            observer.unobserve(gd);
            gd.removeAttribute(WAITING);
        }
    }

    function draw(gd) {
        var known = waiting.get(gd);
        if (!known || !gd.isConnected) {
            return;
        }
        forget(gd);
        delete gd.on;
        delete gd.removeAllListeners;
        // plotly makes the chart an emitter as its first draw starts (synchronously).
        var drawn = realReact.apply(null, [gd].concat(known.args));
        known.listeners.forEach(function (pair) {
            gd.on(pair[0], pair[1]);
        });
        Promise.resolve(drawn).then(function () {
            gd.style.minHeight = "";
        });
    }

    function react(gd) {
        var args = Array.prototype.slice.call(arguments, 1);
        if (plotly && isDrawn(gd)) {
            return realReact.apply(null, arguments);
        }
        wait(gd, args);
        return Promise.resolve(gd);
    }

    function purge(gd) {
        forget(gd);
        return plotly ? plotly.purge(gd) : gd;
    }

    var STAND_IN = {
        react: react,
        purge: purge,
        Plots: {
            resize: function (gd) {
                return plotly ? plotly.Plots.resize(gd) : Promise.resolve(gd);
            },
        },
    };

    // plotly.js sets window.Plotly as it loads: its react and purge learn of the charts
    // waiting, and the stand-in gives way.
    Object.defineProperty(window, "Plotly", {
        configurable: true,
        get: function () {
            return plotly || STAND_IN;
        },
        set: function (real) {
            plotly = real;
            realReact = real.react;
            var realPurge = real.purge;
            real.react = react;
            real.purge = function (gd) {
                forget(gd);
                return realPurge(gd);
            };
        },
    });

    // Never the whole plotly.js, whatever Dash's renderer writes.
    Object.defineProperty(window, "_dashPlotlyJSURL", {
        configurable: true,
        get: function () {
            return url;
        },
        set: function () {},
    });

    // The reader scrolls: charts are drawn before they come into sight from now on.
    window.addEventListener(
        "scroll",
        function () {
            var inView = observer;
            observer = watch(NEAR);
            waiting.forEach(function (_known, gd) {
                inView.unobserve(gd);
                observer.observe(gd);
            });
            inView.disconnect();
            if (waiting.size > 0) {
                loadPlotly();
            }
        },
        { once: true, passive: true }
    );

    window.addEventListener("beforeprint", function () {
        if (plotly) {
            waiting.forEach(function (_known, gd) {
                draw(gd);
            });
        }
    });
})();
