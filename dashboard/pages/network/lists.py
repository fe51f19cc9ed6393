"""The network explorer's lists: the isolated schools of the selection and its brokers,
by betweenness and by brokerage role, each a table of its own with its CSV
(pages/network/downloads.py); no Dash callbacks and no database here.

The lists are chosen from the schools the page shows (NetworkData.schools: the
user's scope, the filters), so they follow the same scope and privacy as the
table beside the network: schools are public units, and no member is named.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd
from dash import dcc, html

from dashboard.core.links import build_school_href
from dashboard.i18n import t
from dashboard.ui.charts import build_table_section
from dashboard.ui.labels import (
    label_broker_role,
    label_category,
    label_medium,
    label_sector,
    level_words,
    system_has_language_media,
    system_has_outcome,
)
from dashboard.ui.tables import build_table

__all__ = [
    "LISTS",
    "LIST_LIMIT",
    "ROLES",
    "ROLE_COLUMNS",
    "build_betweenness_table",
    "build_isolates_table",
    "build_list_sections",
    "build_roles_table",
    "label_table_role",
    "select_betweenness_brokers",
    "select_isolates",
    "select_role_brokers",
]

# Rows each list shows on the page; its CSV has every row.
LIST_LIMIT = 100
# The lists, as their chart ids (ids.chart_table, ids.csv_button) name them.
LISTS = ("isolates", "betweenness", "roles")
# The Gould-Fernandez roles, as net_school_metrics names their counts.
ROLES = ("coordinator", "gatekeeper", "representative", "itinerant", "liaison")
ROLE_COLUMNS = tuple(f"broker_{role}" for role in ROLES)


def select_isolates(schools: pd.DataFrame) -> pd.DataFrame:
    """The schools with no tie (degree 0: in the year's network, or through the focus
    area's PLCs when one is chosen), by LA, name and school number."""
    isolated = schools[schools["degree"] == 0]
    return isolated.sort_values(["la_code", "name", "school_id"]).reset_index(drop=True)


def select_betweenness_brokers(schools: pd.DataFrame) -> pd.DataFrame:
    """The schools on some shortest path between two others (betweenness above 0), the
    highest first; equal values by name and school number."""
    brokers = schools[schools["betweenness"] > 0]
    order = ["betweenness", "name", "school_id"]
    return brokers.sort_values(order, ascending=[False, True, True]).reset_index(drop=True)


def select_role_brokers(schools: pd.DataFrame) -> pd.DataFrame:
    """The schools that broker at least one pair of lead-school ties in some role
    (broker_total above 0), the most pairs first; equal counts by name and number."""
    brokers = schools[schools["broker_total"] > 0]
    order = ["broker_total", "name", "school_id"]
    return brokers.sort_values(order, ascending=[False, True, True]).reset_index(drop=True)


def _highest(schools: pd.DataFrame, column: str, limit: int = LIST_LIMIT) -> pd.DataFrame:
    """The rows of ``schools`` that can be among the ``limit`` highest on ``column``:
    those at or above its ``limit``-th highest value (all that share it, so the order by
    name still decides among them). A list's first rows come from these few, not from
    sorting every school of a whole country."""
    values = schools[column].to_numpy(dtype=float, na_value=-np.inf)
    if len(values) <= limit:
        return schools
    threshold = np.partition(values, len(values) - limit)[len(values) - limit]
    return schools[values >= threshold]


def label_table_role(role: str, lang: str) -> str:
    """A main brokerage role as the tables name it; a school with none is said to broker
    no lead-school ties, which is why a school high on betweenness may have none."""
    if role == "none":
        return t("network.lists_role_none", lang)
    return label_broker_role(role, lang)


def _count(value: object) -> str:
    return f"{int(value):,}"  # type: ignore[call-overload]


def _la_column(lang: str) -> str:
    return "la_name_cy" if lang == "cy" else "la_name_en"


def _school_link(row: Mapping[str, object], year: str, lang: str) -> dcc.Link:
    return dcc.Link(row["name"], href=build_school_href(int(row["school_id"]), year, lang))


def _first_rows(listed: pd.DataFrame, columns: Sequence[str]) -> list[dict[str, object]]:
    """The first LIST_LIMIT rows of ``listed``, of ``columns`` only, as plain dicts: a
    pandas Series per row (iterrows) cost more than the rest of the table."""
    return listed.head(LIST_LIMIT)[list(columns)].to_dict("records")


def _caption(what: str, listed: int, region: str, year: str, lang: str) -> str:
    """ "The 55 schools ...", or "The first 100 of 312 schools ... (the CSV lists all)"."""
    fields = {"count": _count(listed), "region": region, "year": year}
    if listed > LIST_LIMIT:
        top = {
            "isolates": t("network.lists_isolates_caption_top", lang, shown=LIST_LIMIT, **fields),
            "betweenness": t(
                "network.lists_betweenness_caption_top", lang, shown=LIST_LIMIT, **fields
            ),
            "roles": t("network.lists_roles_caption_top", lang, shown=LIST_LIMIT, **fields),
        }
        return top[what]
    if listed == 1:
        one = {
            "isolates": t("network.lists_isolates_caption_one", lang, region=region, year=year),
            "betweenness": t(
                "network.lists_betweenness_caption_one", lang, region=region, year=year
            ),
            "roles": t("network.lists_roles_caption_one", lang, region=region, year=year),
        }
        return one[what]
    every = {
        "isolates": t("network.lists_isolates_caption_all", lang, **fields),
        "betweenness": t("network.lists_betweenness_caption_all", lang, **fields),
        "roles": t("network.lists_roles_caption_all", lang, **fields),
    }
    return every[what]


def build_isolates_table(
    schools: pd.DataFrame, year: str, region: str, lang: str
) -> html.Table | html.P:
    """The isolated schools: name (a link to its profile), LA, sector, medium, support
    category and PLCs (a school in PLCs of its own school only is isolated too); the
    medium and the category only where the served system has them."""
    isolated = schools["degree"] == 0
    if not isolated.any():
        return html.P(t("network.lists_isolates_none", lang, region=region, year=year))
    # The page shows the first LIST_LIMIT: sorted on the keys alone (every column of a
    # whole country's isolated schools took longer to move than the table to build).
    keys = schools.loc[isolated, ["la_code", "name", "school_id"]]
    isolates = schools.loc[keys.sort_values(list(keys.columns)).index[:LIST_LIMIT]]
    cells = list_isolate_cells(lang)
    columns = [header for header, _ in cells]
    rows = [
        [_school_link(row, year, lang), *[cell(row) for _, cell in cells[1:]]]
        for row in _first_rows(isolates, ISOLATE_COLUMNS)
    ]
    caption = _caption("isolates", int(isolated.sum()), region, year, lang)
    return build_table(caption, columns, rows)


# The columns of the isolates' rows (the table's and the CSV's).
ISOLATE_COLUMNS = (
    "name", "school_id", "la_name_en", "la_name_cy", "sector", "language_medium",
    "support_category", "n_plcs",
)  # fmt: skip

Cell = Callable[[Mapping[str, object]], object]


def list_isolate_cells(lang: str) -> list[tuple[str, Cell]]:
    """The isolates table's columns: each header with what its cell shows of a row (the
    first, the school, is a link the table makes itself). Language medium and support
    category only where the served system has them (labels.system_has_*)."""
    cells: list[tuple[str, Cell]] = [
        (t("network.column_school", lang), lambda row: row["name"]),
        (t("network.column_la", lang, **level_words(lang)), lambda row: str(row[_la_column(lang)])),
        (t("filters.sector", lang), lambda row: label_sector(row["sector"], lang)),
    ]
    if system_has_language_media():
        medium = t("filters.medium", lang)
        cells.append((medium, lambda row: label_medium(row["language_medium"], lang)))
    if system_has_outcome("support_category"):
        category = t("network.column_category", lang)
        cells.append((category, lambda row: _category(row["support_category"], lang)))
    plcs = t("network.lists_column_plcs", lang, **level_words(lang))
    cells.append((plcs, lambda row: _count(row["n_plcs"])))
    return cells


def _category(category: object, lang: str) -> str:
    if isinstance(category, str):
        return label_category(category, lang)
    return t("network.category_none", lang)


def build_betweenness_table(
    schools: pd.DataFrame, year: str, region: str, lang: str
) -> html.Table | html.P:
    """The brokers by betweenness: name, LA, betweenness, degree, and the main brokerage
    role, which counts lead-school ties only (label_table_role)."""
    listed = int((schools["betweenness"] > 0).sum())
    if listed == 0:
        return html.P(t("network.lists_betweenness_none", lang, region=region, year=year))
    brokers = select_betweenness_brokers(_highest(schools, "betweenness"))
    columns = [
        t("network.column_school", lang),
        t("network.column_la", lang, **level_words(lang)),
        t("network.betweenness", lang),
        t("network.degree", lang),
        t("network.lists_column_role", lang),
    ]
    rows = [
        [
            _school_link(row, year, lang),
            str(row[_la_column(lang)]),
            f"{row['betweenness']:.3g}",
            _count(row["degree"]),
            label_table_role(row["broker_role"], lang),
        ]
        for row in _first_rows(
            brokers,
            ("name", "school_id", _la_column(lang), "betweenness", "degree", "broker_role"),
        )
    ]
    caption = _caption("betweenness", listed, region, year, lang)
    return build_table(caption, columns, rows, sorted_by=(2, "descending"))


def build_roles_table(
    schools: pd.DataFrame, year: str, region: str, lang: str
) -> html.Table | html.P:
    """The brokers by role: name, LA, the pairs brokered in each of the five roles and in
    all, then betweenness, so the two kinds of broker can be compared."""
    listed = int((schools["broker_total"] > 0).sum())
    if listed == 0:
        return html.P(t("network.lists_roles_none", lang, region=region, year=year))
    brokers = select_role_brokers(_highest(schools, "broker_total"))
    columns = [
        t("network.column_school", lang),
        t("network.column_la", lang, **level_words(lang)),
        *[label_broker_role(role, lang) for role in ROLES],
        t("network.lists_column_total", lang),
        t("network.betweenness", lang),
    ]
    rows = [
        [
            _school_link(row, year, lang),
            str(row[_la_column(lang)]),
            *[_count(row[column]) for column in ROLE_COLUMNS],
            _count(row["broker_total"]),
            f"{row['betweenness']:.3g}",
        ]
        for row in _first_rows(
            brokers,
            ("name", "school_id", _la_column(lang), *ROLE_COLUMNS, "broker_total", "betweenness"),
        )
    ]
    caption = _caption("roles", listed, region, year, lang)
    return build_table(caption, columns, rows, sorted_by=(7, "descending"))


def build_list_sections(page: str, tables: dict[str, object], lang: str) -> list[html.Section]:
    """The three lists' sections (heading, what the list counts, the table, its CSV), in
    the order of LISTS. With a focus area, isolation and betweenness are those of its
    PLCs' network, but brokerage roles are always the whole year's: the intros say so."""
    headings = {
        "isolates": t("network.lists_isolates_heading", lang),
        "betweenness": t("network.lists_betweenness_heading", lang),
        "roles": t("network.lists_roles_heading", lang),
    }
    intros = {
        "isolates": t("network.lists_isolates_intro", lang, **level_words(lang)),
        "betweenness": t("network.lists_betweenness_intro", lang, **level_words(lang)),
        "roles": t("network.lists_roles_intro", lang, **level_words(lang)),
    }
    downloads = {
        "isolates": t("network.lists_isolates_download", lang),
        "betweenness": t("network.lists_betweenness_download", lang),
        "roles": t("network.lists_roles_download", lang),
    }
    return [
        build_table_section(
            page,
            what,
            heading=headings[what],
            intro=intros[what],
            table=tables[what],
            download_label=downloads[what],
            lang=lang,
        )
        for what in LISTS
    ]
