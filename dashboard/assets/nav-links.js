/*
 * The shell's nav, run in the browser by the callbacks of dashboard/ui/shell.py
 * (register_shell_callbacks).
 *
 * keepFilters: a page keeps its view in its URL's query string, and changes it as
 * the reader picks filters. Each nav link keeps the shared filters its page has
 * (named in the link's id, "keep") and the language, as
 * dashboard/core/links.py build_page_href does on the server; a page's own choices
 * (measure=...) and the filters its page lacks are dropped. The server checks what
 * a link carries as it checks any URL (an LA outside the user's scope is refused).
 *
 * toggle: on a narrow screen the nav's list is folded behind a button; the button
 * opens and closes it, and following a link closes it.
 */
(function () {
    "use strict";

    // dashboard/core/filters.py FIELDS, in the order of the query string, then the language.
    var SHARED = ["year", "consortium", "la", "sector", "medium", "focus", "lang"];

    function buildHref(href, search, keep) {
        var path = new URL(href, window.location.href).pathname;
        var current = new URLSearchParams(search || "");
        var query = new URLSearchParams();
        SHARED.forEach(function (name) {
            var value = current.get(name);
            if (value && (name === "lang" || keep.indexOf(name) !== -1)) {
                query.set(name, value);
            }
        });
        var text = query.toString().replace(/%2F/g, "/");
        return path + (text ? "?" + text : "");
    }

    // The view is told to the shell's store (ui/shell.py SHELL_VIEW) whenever the URL
    // changes: a page's dcc.Location changes it with history.pushState or replaceState,
    // which no event reports, and back and forward with popstate.
    var STORE = "shell-view";

    function tellView() {
        var clientside = window.dash_clientside || {};
        if (!clientside.set_props) {
            return; // Dash's renderer is not there yet: the shell is served with the view.
        }
        try {
            clientside.set_props(STORE, { data: window.location.search });
        } catch (error) {
            // No shell drawn yet (a page still loading): the shell will be served with it.
        }
    }

    ["pushState", "replaceState"].forEach(function (name) {
        var original = window.history[name];
        window.history[name] = function () {
            var result = original.apply(this, arguments);
            window.setTimeout(tellView, 0);
            return result;
        };
    });
    window.addEventListener("popstate", function () {
        window.setTimeout(tellView, 0);
    });

    window.dash_clientside = window.dash_clientside || {};
    window.dash_clientside.plcnetNav = {
        keepFilters: function (search, hrefs) {
            var outputs = window.dash_clientside.callback_context.outputs_list || [];
            return (hrefs || []).map(function (href, index) {
                var keep = String((outputs[index] || {}).id.keep || "").split(" ");
                return buildHref(href, search, keep);
            });
        },
        toggle: function (_clicks, _pathname, expanded) {
            var triggered = window.dash_clientside.callback_context.triggered || [];
            var byButton = triggered.some(function (t) {
                return t.prop_id.indexOf("n_clicks") !== -1;
            });
            if (!byButton) {
                return "false";
            }
            return expanded === "true" ? "false" : "true";
        },
    };
})();
