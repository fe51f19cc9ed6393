"""The filter bar: labelled dropdowns for year, consortium, LA, sector and language medium."""

from __future__ import annotations

from dash import dcc, html

from dashboard.filters import (
    Choices,
    Filters,
    list_consortium_options,
    list_la_options,
    list_medium_options,
    list_sector_options,
    list_year_options,
)
from dashboard.i18n import t

__all__ = ["build_filter_bar"]


def _build_field(label: str, dropdown: dcc.Dropdown) -> html.Div:
    # htmlFor ties the visible label to the control; assets/label-dropdowns.js
    # adds the label's id to the name of Dash's dropdown button.
    label_id = f"{dropdown.id}-label"
    return html.Div(
        [html.Label(label, htmlFor=dropdown.id, id=label_id), dropdown], className="filter"
    )


def build_filter_bar(
    filters: Filters,
    choices: Choices,
    lang: str,
    *,
    year_id: str,
    consortium_id: str,
    la_id: str,
    sector_id: str,
    medium_id: str,
) -> html.Div:
    """The dropdowns set to ``filters`` (the LA list follows the consortium)."""
    year = dcc.Dropdown(
        id=year_id,
        options=list_year_options(choices),
        value=filters.year,
        clearable=False,
        searchable=False,
    )
    consortium = dcc.Dropdown(
        id=consortium_id,
        options=list_consortium_options(choices, lang),
        value=filters.consortium,
        placeholder=t("filters.consortium_all", lang),
        searchable=False,
    )
    la = dcc.Dropdown(
        id=la_id,
        options=list_la_options(choices, filters.consortium, lang),
        value=filters.la,
        placeholder=t("filters.la_all", lang),
    )
    sector = dcc.Dropdown(
        id=sector_id,
        options=list_sector_options(choices, lang),
        value=filters.sector,
        placeholder=t("filters.sector_all", lang),
        searchable=False,
    )
    medium = dcc.Dropdown(
        id=medium_id,
        options=list_medium_options(choices, lang),
        value=filters.medium,
        placeholder=t("filters.medium_all", lang),
        searchable=False,
    )
    return html.Div(
        [
            _build_field(t("filters.year", lang), year),
            _build_field(t("filters.consortium", lang), consortium),
            _build_field(t("filters.la", lang), la),
            _build_field(t("filters.sector", lang), sector),
            _build_field(t("filters.medium", lang), medium),
        ],
        role="search",
        **{"aria-label": t("filters.label", lang)},
        className="filter-bar",
    )
