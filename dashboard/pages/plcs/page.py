"""The PLC directory: every PLC active in the year and region chosen, searchable,
sortable and a page at a time, each linking to its own page."""

from __future__ import annotations

from dash import Input, State, callback, ctx, html

from dashboard.core import ids
from dashboard.core.parts import outputs_of
from dashboard.core.payloads import MalformedValueError, require_text
from dashboard.core.registry import register_page
from dashboard.core.views import (
    View,
    read_view,
    read_view_of_search,
    register_download,
    register_view,
)
from dashboard.pages.plcs.data import OPTIONS, load_directory
from dashboard.pages.plcs.downloads import build_directory_csv
from dashboard.pages.plcs.layout import (
    FIELDS,
    PAGE,
    DirectoryParts,
    ScopeParts,
    build_directory_parts,
    build_plcs_layout,
    describe_scope,
)

register_page(
    __name__,
    PAGE,
    fields=FIELDS,
    path="/plcs",
    order=30,
)


def layout(**query: str) -> html.Div:
    """The directory for the view in the URL's query string, its first page drawn."""
    view = read_view(query, FIELDS, "/plcs", OPTIONS, detail=True)
    if view is None:
        return html.Div()  # the shell says what is missing
    directory = load_directory(view.db, view.filters)
    return build_plcs_layout(directory, view.filters, view.choices, view.lang)


def build_parts(view: View) -> tuple[object, ...]:
    """What follows the filters and options besides the table (the table: update_directory)."""
    return ScopeParts(scope=describe_scope(view.filters, view.choices, view.lang)).as_outputs()


register_view(PAGE, FIELDS, outputs_of(ScopeParts), build_parts, OPTIONS, detail=True)


register_download(
    PAGE,
    "directory",
    FIELDS,
    lambda v: build_directory_csv(load_directory(v.db, v.filters, page_size=None), v.lang),
    OPTIONS,
    detail=True,
)

# Paging and searching: a step of the pager keeps the view and moves a page; a new
# view (the URL, written by register_view's callback) or a new search starts again
# at the first page.
_STEPS = {ids.PLCS_PREVIOUS: -1, ids.PLCS_NEXT: 1}


def choose_page(trigger: object, page: int | None) -> int:
    """The page (from 0) to draw after ``trigger`` (the id of what changed)."""
    if page is not None and (isinstance(page, bool) or not isinstance(page, int)):
        raise MalformedValueError(ids.PLCS_PAGE)  # a crafted request: a 400
    step = _STEPS.get(str(trigger))
    return max(0, (page or 0) + step) if step else 0


@callback(
    *outputs_of(DirectoryParts),
    Input(ids.page_url(PAGE), "search"),
    Input(ids.PLCS_SEARCH, "value"),
    Input(ids.PLCS_PREVIOUS, "n_clicks"),
    Input(ids.PLCS_NEXT, "n_clicks"),
    State(ids.PLCS_PAGE, "data"),
    prevent_initial_call=True,
)
def update_directory(
    search: str | None, text: str | None, _previous: int, _next: int, page: int | None
) -> tuple[object, ...]:
    """Draw the page of the directory the pager, the search box or the URL asks for."""
    view = read_view_of_search(search, FIELDS, "/plcs", OPTIONS, detail=True)
    page = choose_page(ctx.triggered_id, page)
    text = require_text(text, ids.PLCS_SEARCH)
    directory = load_directory(view.db, view.filters, text or "", page)
    return build_directory_parts(directory, view.filters, view.choices, view.lang).as_outputs()
