"""The system overview: headline figures, their trends and the support categories."""

from __future__ import annotations

from dash import html

from dashboard.core.parts import outputs_of
from dashboard.core.registry import register_page
from dashboard.core.views import View, read_view, register_download, register_view
from dashboard.pages.overview.data import load_overview
from dashboard.pages.overview.downloads import build_headlines_csv, build_support_csv
from dashboard.pages.overview.layout import (
    FIELDS,
    PAGE,
    OverviewParts,
    build_overview_layout,
    build_overview_parts,
)

register_page(
    __name__,
    PAGE,
    fields=FIELDS,
    path="/",
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
    """What follows the filters, in the order of OverviewParts' fields."""
    data = load_overview(view.db, view.filters)
    return build_overview_parts(data, view.filters, view.choices, view.lang).as_outputs()


register_view(PAGE, FIELDS, outputs_of(OverviewParts), build_parts)
register_download(
    PAGE, "headlines", FIELDS, lambda v: build_headlines_csv(load_overview(v.db, v.filters), v.lang)
)
register_download(
    PAGE, "support", FIELDS, lambda v: build_support_csv(load_overview(v.db, v.filters), v.lang)
)
