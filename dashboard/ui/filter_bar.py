"""The filter bar: a labelled dropdown for each filter a page has (filters.FIELDS)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dash import dcc, html

from dashboard.core import ids
from dashboard.core.filters import (
    FIELDS,
    Choices,
    Filters,
    PageOption,
    list_consortium_options,
    list_focus_options,
    list_la_options,
    list_medium_options,
    list_sector_options,
    list_year_options,
)
from dashboard.i18n import t
from dashboard.ui.labels import level_words, system_has_focus_areas, system_has_language_media

__all__ = ["build_filter_bar", "build_filter_dropdown", "build_option_dropdown"]


def _build_field(label: str, dropdown: dcc.Dropdown) -> html.Div:
    # htmlFor ties the visible label to the control; assets/label-dropdowns.js
    # adds the label's id to the name of Dash's dropdown button.
    label_id = f"{dropdown.id}-label"
    return html.Div(
        [html.Label(label, htmlFor=dropdown.id, id=label_id), dropdown], className="filter"
    )


def _list_options(field: str, filters: Filters, choices: Choices, lang: str) -> list[dict]:
    listers: dict[str, Callable[[], list[dict]]] = {
        "year": lambda: list_year_options(choices, lang),
        "consortium": lambda: list_consortium_options(choices, lang),
        "la": lambda: list_la_options(choices, filters.consortium, lang),
        "sector": lambda: list_sector_options(choices, lang),
        "medium": lambda: list_medium_options(choices, lang),
        "focus": lambda: list_focus_options(choices, lang),
    }
    return listers[field]()


def _label_and_placeholder(field: str, lang: str) -> tuple[str, str | None]:
    texts = {
        "year": (t("filters.year", lang), None),
        "consortium": (
            t("filters.consortium", lang, **level_words(lang)),
            t("filters.consortium_all", lang, **level_words(lang)),
        ),
        "la": (
            t("filters.la", lang, **level_words(lang)),
            t("filters.la_all", lang, **level_words(lang)),
        ),
        "sector": (t("filters.sector", lang), t("filters.sector_all", lang)),
        "medium": (t("filters.medium", lang), t("filters.medium_all", lang)),
        "focus": (t("filters.focus", lang, **level_words(lang)), t("filters.focus_all", lang)),
    }
    return texts[field]


def _system_has_field(field: str) -> bool:
    """Whether the served system has the vocabulary the filter ``field`` chooses from."""
    if field == "focus":
        return system_has_focus_areas()
    if field == "medium":
        return system_has_language_media()
    return True


def build_filter_dropdown(
    page: str, field: str, filters: Filters, choices: Choices, lang: str
) -> html.Div:
    """The labelled dropdown of one filter, set to its value in ``filters``.

    The year is always chosen; the others may be cleared (meaning all). Only the
    LA list, the longest, can be typed into.
    """
    label, placeholder = _label_and_placeholder(field, lang)
    dropdown = dcc.Dropdown(
        id=ids.filter_control(page, field),
        options=_list_options(field, filters, choices, lang),
        value=getattr(filters, field),
        clearable=field != "year",
        searchable=field == "la",
        placeholder=placeholder,
    )
    field_div = _build_field(label, dropdown)
    if not _system_has_field(field):
        # A system whose groups have no focus areas, or whose schools no language
        # medium, offers no such filter: hidden, not an empty dropdown (or one that
        # offers only "Not applicable"); it stays in the page, empty, for the callback.
        field_div.hidden = True
    return field_div


def build_filter_bar(
    page: str,
    fields: tuple[str, ...],
    filters: Filters,
    choices: Choices,
    lang: str,
    extra: Sequence[html.Div] = (),
) -> html.Div:
    """The dropdowns of ``fields`` (in the order of FIELDS) set to ``filters``, then the
    ``extra`` controls of the page's own choices (build_option_dropdown)."""
    return html.Div(
        [
            *[
                build_filter_dropdown(page, field, filters, choices, lang)
                for field in FIELDS
                if field in fields
            ],
            *extra,
        ],
        role="search",
        **{"aria-label": t("filters.label", lang)},
        className="filter-bar",
    )


def build_option_dropdown(
    page: str, option: PageOption, label: str, names: dict[str, str], filters: Filters
) -> html.Div:
    """The labelled dropdown of one of a page's own choices (``names``: value -> name
    in the page's language), set to its value in ``filters``; never empty."""
    dropdown = dcc.Dropdown(
        id=ids.filter_control(page, option.name),
        options=[{"label": names[value], "value": value} for value in option.values],
        value=filters.option(option.name),
        clearable=False,
        searchable=False,
    )
    return _build_field(label, dropdown)
