"""The network explorer: the schools of a year and region with their ties, on a map of Wales."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pandas as pd
from dash import Input, Output, State, callback, html
from dash.exceptions import PreventUpdate

from dashboard.core import ids
from dashboard.core.parts import outputs_of
from dashboard.core.registry import register_page
from dashboard.core.views import View, read_view, register_download, register_view
from dashboard.pages.network.data import NetworkData, load_network
from dashboard.pages.network.downloads import (
    build_betweenness_csv,
    build_isolates_csv,
    build_roles_csv,
    build_schools_csv,
)
from dashboard.pages.network.layout import (
    FIELDS,
    OPTIONS,
    PAGE,
    NetworkParts,
    build_network_layout,
    build_network_parts,
    find_clicked_school,
)

register_page(
    __name__,
    PAGE,
    fields=FIELDS,
    path="/network",
    order=1,
)


def _load(view: View) -> NetworkData:
    return load_network(view.db, view.filters, view.filters.option("view"))


def layout(**query: str) -> html.Div:
    """The page for the view in the URL's query string (Dash passes its fields)."""
    view = read_view(query, FIELDS, "/network", OPTIONS, detail=True)
    if view is None:
        return html.Div()  # the shell says what is missing
    return build_network_layout(_load(view), view.filters, view.choices, view.lang)


# What a change of the colour, the size or the school highlighted leaves as it was: not
# sent again, so the browser does not draw it again (the school picker's options are
# every school of the view; the lists are tables of up to 50 schools each).
_UNCOLOURED = (
    "summary_heading",
    "summary",
    "rule",
    "figure_note",
    "school_options",
    "school_disabled",
    "isolates",
    "betweenness",
    "roles",
    "detail_hidden",
)
KEPT_WHEN_CHANGED = {
    "colour": (*_UNCOLOURED, "schools"),
    "size": _UNCOLOURED,  # the table of schools ranks them by the size measure
    "school": (*_UNCOLOURED, "schools"),
}


def build_parts(view: View) -> tuple[object, ...]:
    """What follows the filters and options, in the order of NetworkParts' fields; what
    the change made leaves as it was, unsent (KEPT_WHEN_CHANGED)."""
    parts = build_network_parts(_load(view), view.filters, view.choices, view.lang)
    return parts.as_outputs(kept=KEPT_WHEN_CHANGED.get(view.changed, ()))


def _csv_of(what: str, build: Callable[[pd.DataFrame, str], str]) -> Callable[[View], str]:
    """The CSV ``what`` of a view's schools, written once per published file, scope,
    selection, view and language (Database.derive), as the data it is written from."""

    def csv(view: View) -> str:
        selection = replace(view.filters, options=())
        drawn = view.filters.option("view")
        return view.db.derive(
            lambda: build(_load(view).schools, view.lang), "csv", what, selection, drawn, view.lang
        )

    return csv


register_view(PAGE, FIELDS, outputs_of(NetworkParts), build_parts, OPTIONS, detail=True)
# The schools' CSV, then the lists': every row of each, for the view in the URL, in the
# user's scope.
for _what, _build in (
    ("schools", build_schools_csv),
    ("isolates", build_isolates_csv),
    ("betweenness", build_betweenness_csv),
    ("roles", build_roles_csv),
):
    register_download(PAGE, _what, FIELDS, _csv_of(_what, _build), OPTIONS, detail=True)


@callback(
    Output(ids.NETWORK_OPEN_SCHOOL, "href"),
    Input(ids.chart_graph(PAGE, "schools"), "clickData"),
    State(ids.page_url(PAGE), "search"),
    prevent_initial_call=True,
)
def open_school(click: dict | None, search: str | None) -> str:
    """A click on a school opens its profile."""
    href = find_clicked_school(click, search)
    if href is None:
        raise PreventUpdate
    return href
