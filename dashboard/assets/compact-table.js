/*
 * A table sent as one Dash component (dashboard/ui/tables.py, CompactTable): its
 * elements come as nested arrays, [tag, attributes, ...children], tags as Dash names
 * them ("Th"), and are drawn here as React elements, with no Dash component per cell
 * (Dash's renderer wraps and subscribes every component it draws: on a table of
 * hundreds of cells, that was most of the time from a click to the redrawn page).
 *
 * A "Link" is a link of the dashboard, followed in the page as dcc.Link follows it
 * (the same history entry and the same event, which dcc.Location listens to); with a
 * modifier key or another button, the browser does what it does with any link.
 */
(function () {
    "use strict";

    var React = window.React;

    function cleanUrl(href) {
        var api = window.dash_clientside;
        return api && api.clean_url ? api.clean_url(href) : href;
    }

    function follow(event) {
        var link = event.target.closest ? event.target.closest("a[data-dash-link]") : null;
        if (!link || event.defaultPrevented || event.button !== 0) {
            return;
        }
        if (event.metaKey || event.shiftKey || event.altKey || event.ctrlKey) {
            return;
        }
        event.preventDefault();
        window.history.pushState({}, "", link.getAttribute("href"));
        window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
        window.scrollTo(0, 0);
    }

    function draw(node) {
        if (typeof node === "string") {
            return node;
        }
        var tag = node[0];
        var attributes = Object.assign({}, node[1]);
        if (tag === "Link") {
            tag = "a";
            attributes.href = cleanUrl(attributes.href);
            attributes["data-dash-link"] = "";
        } else {
            tag = tag.toLowerCase();
        }
        var args = [tag, attributes];
        for (var i = 2; i < node.length; i++) {
            args.push(draw(node[i]));
        }
        return React.createElement.apply(null, args);
    }

    function CompactTable(props) {
        var tree = props.tree;
        var attributes = Object.assign({}, tree[1], {onClick: follow});
        if (props.id) {
            attributes.id = props.id;
        }
        return draw([tree[0], attributes].concat(tree.slice(2)));
    }

    // React.memo: a table whose tree Dash did not change is not drawn again.
    window.plcnet = Object.assign(window.plcnet || {}, {
        CompactTable: React.memo(CompactTable),
    });
})();
