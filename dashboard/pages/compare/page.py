"""Compare two years: the headline figures, the network in brief and an area's measures
of any two academic years side by side, and what changed between them."""

from __future__ import annotations

from collections.abc import Callable

from dash import html

from dashboard.core.parts import outputs_of
from dashboard.core.registry import register_page
from dashboard.core.views import View, read_view, register_download, register_view
from dashboard.pages.compare.data import CompareData, load_compare
from dashboard.pages.compare.downloads import (
    build_headlines_csv,
    build_measures_csv,
    build_network_csv,
    build_schools_csv,
    build_ties_csv,
)
from dashboard.pages.compare.drawings import load_drawings
from dashboard.pages.compare.layout import (
    FIELDS,
    OPTIONS,
    PAGE,
    CompareParts,
    build_compare_layout,
    build_compare_parts,
    find_bad_years,
)

register_page(
    __name__,
    PAGE,
    path="/compare",
    order=3,
    fields=FIELDS,
)


def layout(**query: str) -> html.Div:
    """The page for the view in the URL's query string (Dash passes its fields); a year
    the data do not hold is replaced by the default, and the page says so."""
    view = read_view(query, FIELDS, options=OPTIONS)
    if view is None:
        return html.Div()  # the shell says what is missing
    data = load_compare(view.db, view.filters, view.choices.years)
    notice = find_bad_years(query, view.filters, view.lang)
    drawings = load_drawings(view.db, view.filters, data.earlier, data.later)
    return build_compare_layout(data, view.filters, view.choices, view.lang, notice, drawings)


def build_parts(view: View) -> tuple[object, ...]:
    """What follows the view, in the order of CompareParts' fields (the notice cleared:
    a control changed, so the view is the user's own)."""
    data = load_compare(view.db, view.filters, view.choices.years)
    drawings = load_drawings(view.db, view.filters, data.earlier, data.later)
    return build_compare_parts(
        data, view.filters, view.choices, view.lang, drawings=drawings
    ).as_outputs()


register_view(PAGE, FIELDS, outputs_of(CompareParts), build_parts, options=OPTIONS)


def _register(what: str, build: Callable[[CompareData, View], str]) -> None:
    def build_csv(view: View) -> str:
        return build(load_compare(view.db, view.filters, view.choices.years), view)

    register_download(PAGE, what, FIELDS, build_csv, options=OPTIONS)


_register("headlines", lambda data, view: build_headlines_csv(data, view.lang))
_register("network", lambda data, view: build_network_csv(data, view.lang))
_register("measures", lambda data, view: build_measures_csv(data, view.lang))
_register("ties", lambda data, view: build_ties_csv(data, view.choices, view.lang))
_register("schools", lambda data, view: build_schools_csv(data, view.choices, view.lang))
