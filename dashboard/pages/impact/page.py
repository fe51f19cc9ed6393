"""Collaboration against improvement: the panel estimates with their intervals, the
schools behind them, improvement by band, and what the figures do and do not show."""

from __future__ import annotations

from dash import html

from dashboard.core.parts import outputs_of
from dashboard.core.registry import register_page
from dashboard.core.views import View, read_view, register_download, register_view
from dashboard.pages.impact.data import load_impact
from dashboard.pages.impact.downloads import build_bands_csv, build_variants_csv
from dashboard.pages.impact.layout import (
    FIELDS,
    OPTIONS,
    PAGE,
    ImpactParts,
    build_impact_layout,
    build_impact_parts,
)

register_page(
    __name__,
    PAGE,
    fields=FIELDS,
    path="/impact",
    order=6,
)


def layout(**query: str) -> html.Div:
    """The page for the view in the URL's query string (Dash passes its fields)."""
    view = read_view(query, FIELDS, "/impact", OPTIONS)
    if view is None:
        return html.Div()  # the shell says what is missing
    data = load_impact(view.db, view.filters)
    return build_impact_layout(data, view.filters, view.choices, view.lang)


def build_parts(view: View) -> tuple[object, ...]:
    """What follows the view, in the order of ImpactParts' fields."""
    return build_impact_parts(load_impact(view.db, view.filters), view.lang).as_outputs()


register_view(PAGE, FIELDS, outputs_of(ImpactParts), build_parts, OPTIONS)
register_download(
    PAGE,
    "variants",
    FIELDS,
    lambda v: build_variants_csv(load_impact(v.db, v.filters), v.lang),
    OPTIONS,
)
register_download(
    PAGE,
    "bands",
    FIELDS,
    lambda v: build_bands_csv(load_impact(v.db, v.filters), v.lang),
    OPTIONS,
)
