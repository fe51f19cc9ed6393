"""Every chart's toolbar keeps to the dashboard: no "Share chart" to Plotly Cloud, no
link to plotly.com or Chart Studio, on every graph of every page
(components/charts.build_graph, the one maker of dcc.Graph)."""

from __future__ import annotations

import re

import dash
from dash import dcc

from dashboard.app import PACKAGE_DIR
from tests.dashboard.components import walk

# The pages of one thing, drawn for things the fixture database holds.
SAMPLES = {"school_id": "6612001", "plc_id": "P1"}
NO_CLOUD = {
    "displaylogo": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "showLink": False,
    "plotlyServerURL": "",
}


def _page_graphs(app: dash.Dash) -> dict[str, list[dcc.Graph]]:
    """Each page's graphs, as its layout draws them."""
    graphs = {}
    for module, page in dash.page_registry.items():
        template = page.get("path_template")
        path = str(page["path"])
        args = {}
        if template:
            args = {name: SAMPLES[name] for name in re.findall(r"<(\w+)>", str(template))}
            path = re.sub(r"<(\w+)>", lambda m: SAMPLES[m.group(1)], str(template))
        with app.server.test_request_context(path):
            layout = page["layout"](**args)
        graphs[module] = [c for c in walk(layout) if isinstance(c, dcc.Graph)]
    return graphs


def test_every_graph_of_every_page_has_no_cloud_or_outside_link(app: dash.Dash) -> None:
    graphs = _page_graphs(app)
    with_graphs = {module for module, found in graphs.items() if found}
    # Every page draws charts but the PLC directory and the audit log, tables, and help and
    # the accessibility statement, words.
    assert with_graphs == set(graphs) - {
        "dashboard.pages.plcs.page",
        "dashboard.pages.audit.page",
        "dashboard.pages.help.page",
        "dashboard.pages.accessibility.page",
    }
    for module, found in graphs.items():
        for graph in found:
            config = graph.config
            assert {k: config.get(k) for k in NO_CLOUD} == NO_CLOUD, (module, graph.id)


def test_graphs_are_made_in_one_place() -> None:
    makers = {
        path.relative_to(PACKAGE_DIR).as_posix()
        for path in PACKAGE_DIR.rglob("*.py")
        # dcc.Graph, however imported (igraph's Graph is not a chart).
        if re.search(
            r"\bdcc\.Graph\(|from dash\.dcc import .*\bGraph\b", path.read_text(encoding="utf-8")
        )
    }
    assert makers == {"ui/charts.py"}
