"""The system overview: headline figures, their trends and the support categories."""

from __future__ import annotations

import dash
from dash import Output, html

from dashboard import ids
from dashboard.components.overview import (
    FIELDS,
    PAGE,
    build_overview_layout,
    build_overview_parts,
)
from dashboard.downloads import build_headlines_csv, build_support_csv
from dashboard.i18n import t
from dashboard.language import lang_of_request
from dashboard.overview_data import load_overview
from dashboard.views import View, read_view, register_download, register_view


def build_title() -> str:
    """The document's title, in the language of the page that asks."""
    lang = lang_of_request()
    return f"{t('overview.title', lang)} · {t('shell.site_name', lang)}"


dash.register_page(
    __name__,
    path="/",
    name=t("overview.nav", "en"),
    name_cy=t("overview.nav", "cy"),
    title=build_title,
    order=0,
)


def layout(**query: str) -> html.Div:
    """The page for the view in the URL's query string (Dash passes its fields)."""
    view = read_view(query, FIELDS)
    if view is None:
        return html.Div()  # the shell says what is missing
    data = load_overview(view.db, view.filters)
    return build_overview_layout(data, view.filters, view.choices, view.lang)


def build_parts(view: View) -> tuple[object, ...]:
    """What follows the filters, in the order of OUTPUTS."""
    data = load_overview(view.db, view.filters)
    return build_overview_parts(data, view.filters, view.choices, view.lang).as_outputs()


OUTPUTS = [
    Output(ids.OVERVIEW_SCOPE, "children"),
    Output(ids.OVERVIEW_SUMMARY, "children"),
    Output(ids.OVERVIEW_HEADLINES, "children"),
    Output(ids.chart_graph(PAGE, "headlines"), "figure"),
    Output(ids.chart_table(PAGE, "headlines"), "children"),
    Output(ids.chart_graph(PAGE, "support"), "figure"),
    Output(ids.chart_table(PAGE, "support"), "children"),
]
register_view(PAGE, FIELDS, OUTPUTS, build_parts)
register_download(
    PAGE, "headlines", FIELDS, lambda v: build_headlines_csv(load_overview(v.db, v.filters), v.lang)
)
register_download(
    PAGE, "support", FIELDS, lambda v: build_support_csv(load_overview(v.db, v.filters), v.lang)
)
