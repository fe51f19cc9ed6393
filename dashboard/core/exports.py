"""What a chart's image says of where it came from (issue 12, item 10).

Plotly's camera ("Download plot as a PNG") would save the chart bare, as
``newplot.png``. assets/chart-export.js takes its click, asks for the provenance of
the chart in the view on screen (the store ``ids.SHELL_EXPORT_REQUEST``: the chart's
id), and this callback answers in the store ``ids.SHELL_EXPORT_NOTE``: the file name
in the page's language (the CSV's, ending ``.png``), the schools and year shown, the
refresh the data come from, the source and, for demonstration data, the caveat. The
script then saves the figure with the chart's heading as its title, the schools and
year beneath it, and the rest in a note below the plot.

The view is read from the page's URL on the server, within the user's scope, as every
callback reads it; the request carries a chart id and nothing else.
"""

from __future__ import annotations

import re

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback
from dash.exceptions import PreventUpdate

from dashboard.core import ids
from dashboard.core.downloads import build_csv_name, build_subject_csv_name
from dashboard.core.provenance import describe_export, load_provenance
from dashboard.core.views import PAGE_VIEWS, PageView, describe_where, read_view_of_search

__all__ = ["describe_chart_export", "find_chart"]

# ids.chart_graph(page, what): "<page>-<what>-graph".
_CHART = re.compile(r"([a-z][a-z0-9]*)-([a-z0-9][a-z0-9-]{0,80})-graph")


def find_chart(chart: object) -> tuple[str, str, PageView] | None:
    """The page, the chart and the page's view of a chart id; None for anything else."""
    match = _CHART.fullmatch(chart) if isinstance(chart, str) else None
    if match is None:
        return None
    for page, view in PAGE_VIEWS.items():
        if chart.startswith(f"{page}-"):
            return page, chart[len(page) + 1 : -len("-graph")], view
    return None


def _file_name(page: str, what: str, found: PageView, path: str, search: str) -> str:
    view = read_view_of_search(search, found.fields, path, found.options, found.detail)
    if found.subject:
        subject = path.rstrip("/").rsplit("/", 1)[-1]
        name = build_subject_csv_name(page, subject, what, view.filters, view.lang)
    else:
        name = build_csv_name(page, what, view.filters, found.options, view.lang)
    return name.removesuffix(".csv")


@callback(
    Output(ids.SHELL_EXPORT_NOTE, "data"),
    Input(ids.SHELL_EXPORT_REQUEST, "data"),
    State("_pages_location", "pathname"),
    State("_pages_location", "search"),
    prevent_initial_call=True,
)
def describe_chart_export(
    request: object, path: str | None, search: str | None
) -> dict[str, object]:
    """The provenance of the chart ``request["chart"]`` in the view of the URL."""
    chart = request.get("chart") if isinstance(request, dict) else None
    found = find_chart(chart)
    if found is None:
        raise PreventUpdate
    page, what, page_view = found
    path, search = path or "/", search or ""
    view = read_view_of_search(search, page_view.fields, path, page_view.options, page_view.detail)
    note = describe_export(load_provenance(view.db), view.lang)
    return {
        "chart": chart,
        "nonce": request.get("nonce") if isinstance(request, dict) else None,
        "filename": _file_name(page, what, page_view, path, search),
        "where": describe_where(view, page_view.fields),
        "as_at": note.as_at,
        "source": note.source,
        "caveat": note.caveat,
    }


# The image is made and saved in the browser (assets/chart-export.js).
clientside_callback(
    ClientsideFunction("plcnet_export", "saveChartImage"),
    Input(ids.SHELL_EXPORT_NOTE, "data"),
    prevent_initial_call=True,
)
