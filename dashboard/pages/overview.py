"""The system overview: headline figures, their trends and the support categories."""

from __future__ import annotations

import dash
from dash import Input, Output, callback, ctx, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.components.overview import build_overview_layout, build_overview_parts
from dashboard.db import DatabaseMissingError, current_db
from dashboard.filters import list_la_options, load_choices, resolve_filters, sync_filters
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.overview_data import load_overview

dash.register_page(
    __name__,
    path="/",
    name=t("overview.nav", DEFAULT_LANG),
    title=f"{t('overview.title', DEFAULT_LANG)} · {t('shell.site_name', DEFAULT_LANG)}",
    order=0,
)


def layout(**query: str) -> html.Div:
    """The page for the view in the URL's query string (Dash passes its fields)."""
    try:
        db = current_db()
        choices = load_choices(db)
    except DatabaseMissingError:
        return html.Div()  # the shell says what is missing
    filters = resolve_filters(query, choices)
    return build_overview_layout(load_overview(db, filters), filters, choices, DEFAULT_LANG)


# What sync_filters is told changed, by the id of the input that fired.
CHANGED = {
    ids.OVERVIEW_URL: "url",
    ids.OVERVIEW_YEAR: "year",
    ids.OVERVIEW_CONSORTIUM: "consortium",
    ids.OVERVIEW_LA: "la",
}


def _changed(new: object, old: object) -> object:
    return new if new != old else no_update


@callback(
    Output(ids.OVERVIEW_URL, "search"),
    Output(ids.OVERVIEW_YEAR, "value"),
    Output(ids.OVERVIEW_CONSORTIUM, "value"),
    Output(ids.OVERVIEW_LA, "options"),
    Output(ids.OVERVIEW_LA, "value"),
    Output(ids.OVERVIEW_SCOPE, "children"),
    Output(ids.OVERVIEW_HEADLINES, "children"),
    Output(ids.OVERVIEW_TREND_GRAPH, "figure"),
    Output(ids.OVERVIEW_TREND_TABLE, "children"),
    Output(ids.OVERVIEW_SUPPORT_GRAPH, "figure"),
    Output(ids.OVERVIEW_SUPPORT_TABLE, "children"),
    Input(ids.OVERVIEW_URL, "search"),
    Input(ids.OVERVIEW_YEAR, "value"),
    Input(ids.OVERVIEW_CONSORTIUM, "value"),
    Input(ids.OVERVIEW_LA, "value"),
    prevent_initial_call=True,
)
def update_overview(
    search: str | None, year: str | None, consortium: str | None, la: int | None
) -> tuple[object, ...]:
    """Keep URL and filters in step (either may have changed), then redraw the numbers.

    One callback owns both directions: Dash allows a callback to write its own
    inputs, but not two callbacks that write each other's.
    """
    db = current_db()
    choices = load_choices(db)
    sync = sync_filters(
        choices,
        search=search,
        controls={"year": year, "consortium": consortium, "la": la},
        changed=CHANGED[ctx.triggered_id],
    )
    if sync is None:
        raise PreventUpdate
    filters = sync.filters
    parts = build_overview_parts(load_overview(db, filters), filters, choices, DEFAULT_LANG)
    return (
        _changed(sync.search, search),
        _changed(filters.year, year),
        _changed(filters.consortium, consortium),
        list_la_options(choices, filters.consortium, DEFAULT_LANG),
        _changed(filters.la, la),
        *parts.as_outputs(),
    )
