"""The PLC directory's layout: search, sort and show controls, one page of PLCs as an
accessible table with each name linking to its PLC's page, a pager, and the CSV of
every PLC listed (no callbacks, no database; the CSV itself is built in downloads.py)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from dash import dcc, html

from dashboard.core import ids
from dashboard.core.filters import Choices, Filters, describe_region
from dashboard.core.links import build_plc_href
from dashboard.core.parts import Parts, chart_output, output
from dashboard.i18n import t
from dashboard.pages.plcs.data import OPTIONS, DirectoryPage
from dashboard.ui.charts import build_download, build_table_region
from dashboard.ui.filter_bar import build_filter_bar, build_option_dropdown
from dashboard.ui.labels import (
    describe_shallow,
    format_count,
    format_health,
    label_focus,
    label_scope,
    level_words,
)
from dashboard.ui.tables import build_table

__all__ = [
    "FIELDS",
    "PAGE",
    "DirectoryParts",
    "ScopeParts",
    "build_directory_parts",
    "build_plcs_layout",
    "describe_las",
    "describe_scope",
    "format_members",
    "list_directory_columns",
    "list_directory_rows",
]

PAGE = "plcs"
# A PLC is in a region when one of its member schools that year is: every filter applies.
FIELDS = ("year", "consortium", "la", "sector", "medium", "focus")

# The column each sort orders by (the first column, the PLC's name, for "name").
_SORT_COLUMN = {"name": 0, "las": 3, "schools": 4, "members": 5, "activities": 6, "health": 7}


@dataclass(frozen=True)
class ScopeParts(Parts):
    """What the view's callback redraws besides the table: the directory's heading."""

    scope: str = output(ids.PLCS_SCOPE, "children")


@dataclass(frozen=True)
class DirectoryParts(Parts):
    """What the directory's own callback redraws; each field names the output it fills."""

    table: html.Table | html.P = chart_output(PAGE, "directory", "table")
    status: str = output(ids.PLCS_STATUS, "children")
    previous_disabled: bool = output(ids.PLCS_PREVIOUS, "disabled")
    next_disabled: bool = output(ids.PLCS_NEXT, "disabled")
    page: int = output(ids.PLCS_PAGE, "data")


def describe_scope(filters: Filters, choices: Choices, lang: str) -> str:
    """The directory's heading: "PLCs active in 2018/19, GwE, Numeracy"."""
    region = describe_region(filters, choices, lang)
    return t("plcs.scope", lang, **level_words(lang), year=filters.year, region=region)


def describe_las(row: object, lang: str) -> str:
    """The names of the LAs a PLC spans, in ``lang``; "" when none is known."""
    names = row.las_cy if lang == "cy" else row.las_en
    return "" if names is None or pd.isna(names) else str(names)


def format_members(row: object, lang: str) -> str:
    """A PLC's members: the count, or "c" where the query suppressed it."""
    value = None if pd.isna(row.members) else int(row.members)
    return format_count(value, bool(row.members_suppressed), lang)


def list_directory_columns(lang: str) -> list[str]:
    """The directory table's column headers (the CSV adds the id and the number of LAs)."""
    return [
        t("plcs.col_plc", lang, **level_words(lang)),
        t("plcs.col_focus", lang),
        t("plcs.col_scope", lang),
        t("plcs.col_las", lang, **level_words(lang)),
        t("plcs.col_schools", lang),
        t("plcs.col_members", lang),
        t("plcs.col_activities", lang),
        t("plcs.col_health", lang),
        t("plcs.col_shallow", lang),
    ]


def list_directory_rows(rows: pd.DataFrame, year: str, lang: str) -> list[list[object]]:
    """The table's rows: each PLC's name links to its page for ``year`` in ``lang``."""
    return [
        [
            dcc.Link(str(row.name), href=build_plc_href(str(row.plc_id), year, lang)),
            label_focus(str(row.focus_area), lang),
            label_scope(str(row.scope), lang),
            describe_las(row, lang),
            f"{int(row.n_schools):,}",
            format_members(row, lang),
            f"{int(row.n_activities):,}",
            format_health(row.health_score, row.health_suppressed, lang),
            describe_shallow(row.is_shallow, row.shallow_reasons, lang),
        ]
        for row in rows.itertuples(index=False)
    ]


def _build_table(
    directory: DirectoryPage, filters: Filters, choices: Choices, lang: str
) -> html.Table | html.P:
    if directory.rows.empty:
        return html.P()  # the status line above says no PLC matches: once is enough
    caption = t(
        "plcs.caption",
        lang,
        **level_words(lang),
        year=filters.year,
        region=describe_region(filters, choices, lang),
        page=directory.page + 1,
        pages=directory.pages,
    )
    order = "descending" if filters.option("order") == "desc" else "ascending"
    return build_table(
        caption,
        list_directory_columns(lang),
        list_directory_rows(directory.rows, filters.year, lang),
        sorted_by=(_SORT_COLUMN[filters.option("sort")], order),
    )


def _describe_status(directory: DirectoryPage, lang: str) -> str:
    if directory.total == 0:
        return t("plcs.status_none", lang, **level_words(lang))
    return t(
        "plcs.status",
        lang,
        **level_words(lang),
        first=f"{directory.first:,}",
        last=f"{directory.last:,}",
        total=f"{directory.total:,}",
        shallow=f"{directory.total_shallow:,}",
        page=directory.page + 1,
        pages=directory.pages,
    )


def build_directory_parts(
    directory: DirectoryPage, filters: Filters, choices: Choices, lang: str
) -> DirectoryParts:
    """The table, the status line and the pager for one page of the directory."""
    return DirectoryParts(
        table=_build_table(directory, filters, choices, lang),
        status=_describe_status(directory, lang),
        previous_disabled=directory.page == 0,
        next_disabled=directory.page + 1 >= directory.pages,
        page=directory.page,
    )


def _option_names(lang: str) -> dict[str, dict[str, str]]:
    return {
        "sort": {
            "name": t("plcs.sort_name", lang),
            "health": t("plcs.sort_health", lang),
            "schools": t("plcs.sort_schools", lang),
            "members": t("plcs.sort_members", lang),
            "activities": t("plcs.sort_activities", lang),
            "las": t("plcs.sort_las", lang, **level_words(lang)),
        },
        "order": {"asc": t("plcs.order_asc", lang), "desc": t("plcs.order_desc", lang)},
        "show": {
            "all": t("plcs.show_all", lang, **level_words(lang)),
            "shallow": t("plcs.show_shallow", lang, **level_words(lang)),
            "not_shallow": t("plcs.show_not_shallow", lang, **level_words(lang)),
        },
    }


def _build_controls(filters: Filters, lang: str) -> html.Div:
    labels = {
        "sort": t("plcs.sort", lang),
        "order": t("plcs.order", lang),
        "show": t("plcs.show", lang),
    }
    names = _option_names(lang)
    search = html.Div(
        [
            html.Label(t("plcs.search", lang, **level_words(lang)), htmlFor=ids.PLCS_SEARCH),
            dcc.Input(
                id=ids.PLCS_SEARCH,
                type="search",
                value="",
                debounce=0.4,
                autoComplete="off",
                className="directory-search",
            ),
        ],
        className="filter",
    )
    return html.Div(
        [
            search,
            *[
                build_option_dropdown(PAGE, o, labels[o.name], names[o.name], filters)
                for o in OPTIONS
            ],
        ],
        role="group",
        className="filter-bar directory-controls",
        **{"aria-label": t("plcs.controls_label", lang)},
    )


def _build_pager(parts: DirectoryParts, lang: str) -> html.Nav:
    table_id = ids.chart_table(PAGE, "directory")
    return html.Nav(
        [
            html.Button(
                t("plcs.previous", lang),
                id=ids.PLCS_PREVIOUS,
                type="button",
                disabled=parts.previous_disabled,
                className="pager-button",
                **{"aria-controls": table_id},
            ),
            html.Button(
                t("plcs.next", lang),
                id=ids.PLCS_NEXT,
                type="button",
                disabled=parts.next_disabled,
                className="pager-button",
                **{"aria-controls": table_id},
            ),
        ],
        className="pager",
        **{"aria-label": t("plcs.pager_label", lang)},
    )


def build_plcs_layout(
    directory: DirectoryPage, filters: Filters, choices: Choices, lang: str
) -> html.Div:
    """The whole directory for ``filters``, its first page drawn (no callback needed at load)."""
    parts = build_directory_parts(directory, filters, choices, lang)
    scope = describe_scope(filters, choices, lang)
    table_id = ids.chart_table(PAGE, "directory")
    return html.Div(
        [
            dcc.Location(id=ids.page_url(PAGE), refresh=False),
            dcc.Store(id=ids.PLCS_PAGE, data=parts.page),
            html.H1(t("plcs.title", lang, **level_words(lang))),
            html.P(t("plcs.intro", lang, **level_words(lang)), className="lede"),
            build_filter_bar(PAGE, FIELDS, filters, choices, lang),
            html.Section(
                [
                    html.H2(scope, id=ids.PLCS_SCOPE),
                    html.P(t("plcs.explain", lang, **level_words(lang))),
                    _build_controls(filters, lang),
                    html.P(parts.status, id=ids.PLCS_STATUS, role="status"),
                    build_table_region(table_id, parts.table, ids.PLCS_SCOPE),
                    _build_pager(parts, lang),
                    html.P(t("plcs.download_note", lang, **level_words(lang))),
                    build_download(
                        PAGE, "directory", t("plcs.download_label", lang, **level_words(lang)), lang
                    ),
                ],
                **{"aria-labelledby": ids.PLCS_SCOPE},
            ),
        ],
        className="page",
    )
