"""The system overview: headline figures, their trends and the support categories."""

from __future__ import annotations

import dash
from dash import Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.components.overview import build_overview_layout, build_overview_parts
from dashboard.db import DatabaseMissingError, current_db
from dashboard.downloads import build_csv_name, build_headlines_csv, build_support_csv
from dashboard.filters import (
    list_la_options,
    load_choices,
    parse_search,
    resolve_filters,
    sync_filters,
)
from dashboard.i18n import t
from dashboard.language import choose_lang, lang_from_search, lang_of_request
from dashboard.overview_data import load_overview


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
    try:
        db = current_db()
        choices = load_choices(db)
    except DatabaseMissingError:
        return html.Div()  # the shell says what is missing
    filters = resolve_filters(query, choices)
    lang = choose_lang(query.get("lang"))
    return build_overview_layout(load_overview(db, filters), filters, choices, lang)


# What sync_filters is told changed, by the id of the input that fired.
CHANGED = {
    ids.OVERVIEW_URL: "url",
    ids.OVERVIEW_YEAR: "year",
    ids.OVERVIEW_CONSORTIUM: "consortium",
    ids.OVERVIEW_LA: "la",
    ids.OVERVIEW_SECTOR: "sector",
    ids.OVERVIEW_MEDIUM: "medium",
}


def _changed(new: object, old: object) -> object:
    return new if new != old else no_update


@callback(
    Output(ids.OVERVIEW_URL, "search"),
    Output(ids.OVERVIEW_YEAR, "value"),
    Output(ids.OVERVIEW_CONSORTIUM, "value"),
    Output(ids.OVERVIEW_LA, "options"),
    Output(ids.OVERVIEW_LA, "value"),
    Output(ids.OVERVIEW_SECTOR, "value"),
    Output(ids.OVERVIEW_MEDIUM, "value"),
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
    Input(ids.OVERVIEW_SECTOR, "value"),
    Input(ids.OVERVIEW_MEDIUM, "value"),
    prevent_initial_call=True,
)
def update_overview(
    search: str | None,
    year: str | None,
    consortium: str | None,
    la: int | None,
    sector: str | None,
    medium: str | None,
) -> tuple[object, ...]:
    """Keep URL and filters in step (either may have changed), then redraw the numbers.

    One callback owns both directions: Dash allows a callback to write its own
    inputs, but not two callbacks that write each other's.
    """
    db = current_db()
    choices = load_choices(db)
    lang = lang_from_search(search)
    sync = sync_filters(
        choices,
        search=search,
        controls={
            "year": year,
            "consortium": consortium,
            "la": la,
            "sector": sector,
            "medium": medium,
        },
        changed=CHANGED[ctx.triggered_id],
        lang=lang,
    )
    if sync is None:
        raise PreventUpdate
    filters = sync.filters
    parts = build_overview_parts(load_overview(db, filters), filters, choices, lang)
    return (
        _changed(sync.search, search),
        _changed(filters.year, year),
        _changed(filters.consortium, consortium),
        list_la_options(choices, filters.consortium, lang),
        _changed(filters.la, la),
        _changed(filters.sector, sector),
        _changed(filters.medium, medium),
        *parts.as_outputs(),
    )


def _download(search: str | None, what: str) -> dict[str, object]:
    """The CSV of one chart for the view in the URL: what the page shows."""
    db = current_db()
    choices = load_choices(db)
    filters = resolve_filters(parse_search(search), choices)
    lang = lang_from_search(search)
    data = load_overview(db, filters)
    text = build_headlines_csv(data, lang) if what == "headlines" else build_support_csv(data, lang)
    return dcc.send_string(text, build_csv_name("overview", what, filters))


@callback(
    Output(ids.OVERVIEW_TREND_CSV, "data"),
    Input(ids.OVERVIEW_TREND_CSV_BUTTON, "n_clicks"),
    State(ids.OVERVIEW_URL, "search"),
    prevent_initial_call=True,
)
def download_headlines(_clicks: int | None, search: str | None) -> dict[str, object]:
    return _download(search, "headlines")


@callback(
    Output(ids.OVERVIEW_SUPPORT_CSV, "data"),
    Input(ids.OVERVIEW_SUPPORT_CSV_BUTTON, "n_clicks"),
    State(ids.OVERVIEW_URL, "search"),
    prevent_initial_call=True,
)
def download_support(_clicks: int | None, search: str | None) -> dict[str, object]:
    return _download(search, "support")
