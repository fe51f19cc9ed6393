"""Regions: LAs and consortia side by side, a measure by LA and on a map, the E-I
matrices, and the LAs most like the one chosen."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from dash import html

from dashboard.core.filters import Filters
from dashboard.core.parts import outputs_of
from dashboard.core.registry import register_page
from dashboard.core.views import View, read_view, register_download, register_view
from dashboard.pages.regions.data import RegionsData, load_regions
from dashboard.pages.regions.downloads import (
    build_consortium_pairs_csv,
    build_la_pairs_csv,
    build_map_csv,
    build_measure_csv,
    build_measures_csv,
    build_similar_csv,
)
from dashboard.pages.regions.layout import (
    FIELDS,
    PAGE,
    PAGE_FIELDS,
    PairsParts,
    RegionsParts,
    build_pairs_parts,
    build_regions_layout,
    build_regions_parts,
)

register_page(
    __name__,
    PAGE,
    fields=FIELDS,
    path="/regions",
    order=2,
)


def layout(**query: str) -> html.Div:
    """The page for the view in the URL's query string (Dash passes its fields)."""
    view = read_view(query, FIELDS, options=PAGE_FIELDS)
    if view is None:
        return html.Div()  # the shell says what is missing
    data = load_regions(view.db, view.filters)
    return build_regions_layout(data, view.filters, view.choices, view.lang)


# The E-I matrices, built once per published file, year, consortium and language: a
# new measure, sort or LA leaves them as they were (docs/dashboard.md, "How fast").
_pairs_built: OrderedDict[tuple[object, ...], PairsParts] = OrderedDict()
_pairs_lock = threading.Lock()


def load_pairs_parts(view: View, data: RegionsData) -> PairsParts:
    """The E-I matrices of the view, from the cache when built already."""
    filters = view.filters
    key = (str(view.db.path), view.db.in_service(), filters.year, filters.consortium, view.lang)
    with _pairs_lock:
        if key in _pairs_built:
            return _pairs_built[key]
    pairs = build_pairs_parts(data, filters, view.choices, view.lang)
    with _pairs_lock:
        _pairs_built[key] = pairs
        while len(_pairs_built) > 32:
            _pairs_built.popitem(last=False)
    return pairs


# What a change of the measure or of the sort leaves as it was: not sent again, so the
# browser does not draw it again (the E-I matrices are a heatmap of 22 by 22 LAs and
# its table; the table of every measure follows the sort, not the measure).
_PAIRS = (
    "la_pairs_heading",
    "la_pairs_figure",
    "la_pairs_table",
    "consortium_pairs_heading",
    "consortium_pairs_figure",
    "consortium_pairs_table",
)
KEPT_WHEN_CHANGED = {
    "measure": ("table_heading", "measures_table", *_PAIRS),
    "sort": ("table_heading", *_PAIRS),
}


def build_parts(view: View) -> tuple[object, ...]:
    """What follows the view; the map as a patch of its values; what the change made
    leaves as it was, unsent (KEPT_WHEN_CHANGED)."""
    data = load_regions(view.db, view.filters)
    parts = build_regions_parts(
        data,
        view.filters,
        view.choices,
        view.lang,
        patch_map=True,
        pairs=load_pairs_parts(view, data),
    )
    return parts.as_outputs(kept=KEPT_WHEN_CHANGED.get(view.changed, ()))


register_view(PAGE, FIELDS, outputs_of(RegionsParts), build_parts, options=PAGE_FIELDS)


BuildRegionsCsv = Callable[[RegionsData, Filters, str], str]


def _register(what: str, build: BuildRegionsCsv) -> None:
    def build_csv(view: View) -> str:
        return build(load_regions(view.db, view.filters), view.filters, view.lang)

    register_download(PAGE, what, FIELDS, build_csv, options=PAGE_FIELDS)


_register("measures", build_measures_csv)
_register("measure", build_measure_csv)
_register("map", build_map_csv)
_register("la-pairs", build_la_pairs_csv)
_register("consortium-pairs", build_consortium_pairs_csv)
_register("similar", build_similar_csv)
