"""The data catalogue of the data page: every published table's public part as a tidy
CSV (one row a thing and year, one column a variable, codes beside their labels), and a
data guidance file describing every column (what it holds, its unit, the symbols it may
hold), as official statistics publish their open data.

A cell with no number holds the symbol of official statistics saying why: ``c``
suppressed to protect people (a count under 5, or a figure from which one could be
worked out: the rules of queries/_macros.sql), ``z`` not applicable (the clustering of
a school with fewer than two partners), ``x`` not available (no support category
published for the school that year).

What each user gets is what the pages show them: the tables of Wales and of LAs and
consortia to everyone; schools and PLCs only in the user's scope (``visible_schools``,
``visible_plcs``: none for a user without detail); member ids never.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from dashboard.core.db import Database
from dashboard.core.downloads import NOT_APPLICABLE, SUPPRESSED, UNAVAILABLE, write_csv
from dashboard.core.system import load_served_system
from dashboard.i18n import t
from dashboard.measures.catalogue import define_measure, find_term, name_measure
from dashboard.ui.labels import (
    label_category,
    label_focus,
    label_medium,
    label_membership_type,
    label_scope,
    label_sector,
    level_words,
    system_has_language_media,
    system_has_outcome,
)
from etl.public import System

__all__ = [
    "TABLES",
    "CatalogueColumn",
    "CatalogueTable",
    "build_guidance_csv",
    "build_table_csv",
    "describe_table",
    "find_table",
    "list_guidance_rows",
    "load_table",
    "name_table",
]

Label = Callable[[str, str], str]


@dataclass(frozen=True)
class CatalogueColumn:
    """One column of a catalogue table. ``name`` is the column's header (a code, the
    same in both languages). A measure of the glossary (``measure``) takes its name,
    definition and unit from it; other columns are described by ``catalogue.col_<name>``.
    ``labels``: the column holds the labels of the codes in ``source``. ``suppressed``
    and ``not_applicable``: the query's flags that make an empty value "c" or "z"
    (any other empty value is "x")."""

    name: str
    unit: str = "code"
    measure: str | None = None
    source: str | None = None
    labels: Label | None = None
    suppressed: str | None = None
    not_applicable: str | None = None


@dataclass(frozen=True)
class CatalogueTable:
    key: str
    query: str
    all_columns: tuple[CatalogueColumn, ...]

    @property
    def columns(self) -> tuple[CatalogueColumn, ...]:
        """The columns the served system has: no language medium where its schools have
        none, no support category where it measures none (England), rather than a
        column of "Not applicable" or of blanks in every CSV."""
        absent = set()
        if not system_has_language_media():
            absent |= {"language_medium"}
        if not system_has_outcome("support_category"):
            absent |= {"support_category"}
        return tuple(
            column
            for column in self.all_columns
            if column.name not in absent and column.source not in absent
        )


def _measure(name: str, measure: str | None = None, **flags: str) -> CatalogueColumn:
    """A column holding a measure of the glossary, its unit from the measure's kind."""
    term = find_term(measure or name)
    return CatalogueColumn(name, unit=term.kind, measure=term.measure, **flags)


def _by_language(frame: pd.DataFrame, stem: str, lang: str) -> pd.Series:
    return frame[f"{stem}_cy" if lang == "cy" else f"{stem}_en"]


# The names in both languages come from the query as <stem>_en and <stem>_cy.
_NAMED_IN_BOTH = {"group_name": "name", "la_name": "la_name"}

SYSTEM = CatalogueTable(
    "system",
    "sources__catalogue_system",
    (
        CatalogueColumn("year", unit="year"),
        _measure("n_schools"),
        _measure("n_ties"),
        _measure("density"),
        _measure("n_components"),
        _measure("giant_component_share"),
        _measure("cross_la_share"),
        _measure("cross_consortium_share"),
        _measure("n_communities"),
        _measure("modularity_communities"),
        _measure("modularity_la"),
        _measure("nmi_communities_la"),
    ),
)

GROUPS = CatalogueTable(
    "groups",
    "sources__catalogue_groups",
    (
        CatalogueColumn("year", unit="year"),
        CatalogueColumn("level"),
        CatalogueColumn("group_code"),
        CatalogueColumn("group_name", unit="label"),
        _measure("n_schools"),
        _measure("n_ties"),
        _measure("internal_ties"),
        _measure("external_ties"),
        _measure("ei_index", not_applicable="ei_not_applicable"),
        _measure("density", not_applicable="density_not_applicable"),
        _measure("isolate_share"),
        _measure("n_components"),
        _measure("giant_component_share"),
        _measure("mean_clustering"),
    ),
)

SCHOOLS = CatalogueTable(
    "schools",
    "sources__catalogue_schools",
    (
        CatalogueColumn("year", unit="year"),
        CatalogueColumn("school_id"),
        CatalogueColumn("school_name", unit="label"),
        CatalogueColumn("la_code"),
        CatalogueColumn("la_name", unit="label"),
        CatalogueColumn("consortium_code"),
        CatalogueColumn("sector"),
        CatalogueColumn("sector_name", unit="label", source="sector", labels=label_sector),
        CatalogueColumn("language_medium"),
        CatalogueColumn(
            "language_medium_name", unit="label", source="language_medium", labels=label_medium
        ),
        _measure("support_category"),
        CatalogueColumn(
            "support_category_name",
            unit="label",
            source="support_category",
            labels=label_category,
        ),
        _measure("degree"),
        _measure("weighted_degree"),
        _measure("betweenness"),
        _measure("clustering", not_applicable="clustering_not_applicable"),
        _measure("n_plcs"),
        _measure("cross_la_ties"),
        _measure("is_isolate"),
        _measure("community_id", not_applicable="community_not_applicable"),
        _measure("broker_total"),
    ),
)

PLCS = CatalogueTable(
    "plcs",
    "sources__catalogue_plcs",
    (
        CatalogueColumn("year", unit="year"),
        CatalogueColumn("plc_id"),
        CatalogueColumn("plc_name", unit="label"),
        CatalogueColumn("focus_area"),
        CatalogueColumn("focus_area_name", unit="label", source="focus_area", labels=label_focus),
        CatalogueColumn("scope"),
        CatalogueColumn("scope_name", unit="label", source="scope", labels=label_scope),
        CatalogueColumn("membership_type"),
        CatalogueColumn(
            "membership_type_name",
            unit="label",
            source="membership_type",
            labels=label_membership_type,
        ),
        CatalogueColumn("lead_school_id"),
        _measure("plc_schools"),
        _measure("n_members", suppressed="n_members_suppressed"),
        _measure("n_las"),
        _measure("n_activities"),
        _measure("attendance", suppressed="attendance_suppressed"),
        _measure("activity_per_member", suppressed="activity_per_member_suppressed"),
        _measure("cycle_completeness"),
        _measure("review_mean"),
        _measure("health_score", suppressed="health_score_suppressed"),
        _measure("is_shallow"),
    ),
)

# In the order the data page lists them.
TABLES = (SYSTEM, GROUPS, SCHOOLS, PLCS)


def find_table(key: str) -> CatalogueTable:
    return next(table for table in TABLES if table.key == key)


def name_table(key: str, lang: str) -> str:
    words = level_words(lang)
    names = {
        "system": t("catalogue.table_system", lang, **words),
        "groups": t("catalogue.table_groups", lang, **words),
        "schools": t("catalogue.table_schools", lang),
        "plcs": t("catalogue.table_plcs", lang, **words),
    }
    return names[key]


def describe_table(key: str, lang: str) -> str:
    """What one row of the table is, and who gets which rows."""
    words = level_words(lang)
    about = {
        "system": t("catalogue.table_system_about", lang, **words),
        "groups": t("catalogue.table_groups_about", lang, **words),
        "schools": t("catalogue.table_schools_about", lang),
        "plcs": t("catalogue.table_plcs_about", lang, **words),
    }
    return about[key]


def load_table(db: Database, table: CatalogueTable) -> pd.DataFrame:
    """The rows of ``table`` the user may have (the query keeps to the user's scope)."""
    frame = db.query(table.query)
    if table is GROUPS:
        _name_the_whole_system(frame, load_served_system(db))
    return frame


def _name_the_whole_system(frame: pd.DataFrame, system: System) -> None:
    """The rows of the whole system (level "wales", whatever the system) take its title
    from its configuration: the query knows only the database's tables."""
    whole = frame["level"] == "wales"
    frame.loc[whole, "name_en"] = system.title.text("en")
    frame.loc[whole, "name_cy"] = system.title.text("cy")


def _cell(value: object, unit: str) -> object:
    if unit == "flag":
        return "true" if bool(value) else "false"
    if unit in ("count", "id") and not isinstance(value, str):
        return int(value)
    return value


def _flags(frame: pd.DataFrame, name: str | None) -> list[bool]:
    """A query's flag column as booleans (all false when the column has no flag)."""
    if name is None:
        return [False] * len(frame)
    return [bool(flag) for flag in frame[name]]


def _column_cells(frame: pd.DataFrame, column: CatalogueColumn, lang: str) -> list[object]:
    """The cells of ``column``: values, labels, or the symbol saying why there is none.

    A column at a time, never a row at a time (``frame.iloc`` per cell took 49 s for
    England's 11,457 schools): the flags and the missing values are read whole, and
    each distinct code is labelled once."""
    if column.name in _NAMED_IN_BOTH:
        values = _by_language(frame, _NAMED_IN_BOTH[column.name], lang)
    else:
        values = frame[column.source or column.name]
    missing = values.isna().tolist()
    suppressed = _flags(frame, column.suppressed)
    not_applicable = _flags(frame, column.not_applicable)
    present = values[~values.isna()]
    if column.labels is not None:
        labels = {code: column.labels(code, lang) for code in present.astype(str).unique()}
        shown = [None if gone else labels[str(v)] for v, gone in zip(values, missing, strict=True)]
    else:
        unit = column.unit
        shown = [None if gone else _cell(v, unit) for v, gone in zip(values, missing, strict=True)]
    return [
        SUPPRESSED
        if hidden
        else ((NOT_APPLICABLE if inapplicable else UNAVAILABLE) if gone else cell)
        for cell, gone, hidden, inapplicable in zip(
            shown, missing, suppressed, not_applicable, strict=True
        )
    ]


def build_table_csv(frame: pd.DataFrame, table: CatalogueTable, lang: str) -> str:
    """``frame`` (load_table) as the tidy CSV of ``table``: its columns' codes as the
    header, one row a thing and year."""
    header = [column.name for column in table.columns]
    columns = [_column_cells(frame, column, lang) for column in table.columns]
    return write_csv(header, [list(row) for row in zip(*columns, strict=True)])


def _describe_column(column: CatalogueColumn, lang: str) -> tuple[str, str]:
    """A column's name and what it holds, in ``lang``."""
    if column.measure is not None:
        return name_measure(column.measure, lang), define_measure(column.measure, lang)
    words = {
        "year": t("catalogue.col_year", lang),
        "level": t("catalogue.col_level", lang),
        "group_code": t("catalogue.col_group_code", lang),
        "group_name": t("catalogue.col_group_name", lang, **level_words(lang)),
        "school_id": t("catalogue.col_school_id", lang),
        "school_name": t("catalogue.col_school_name", lang),
        "la_code": t("catalogue.col_la_code", lang),
        "la_name": t("catalogue.col_la_name", lang),
        "consortium_code": t("catalogue.col_consortium_code", lang),
        "sector": t("catalogue.col_sector", lang),
        "sector_name": t("catalogue.col_sector_name", lang),
        "language_medium": t("catalogue.col_language_medium", lang),
        "language_medium_name": t("catalogue.col_language_medium_name", lang),
        "support_category_name": t("catalogue.col_support_category_name", lang),
        "plc_id": t("catalogue.col_plc_id", lang),
        "plc_name": t("catalogue.col_plc_name", lang),
        "focus_area": t("catalogue.col_focus_area", lang),
        "focus_area_name": t("catalogue.col_focus_area_name", lang),
        "scope": t("catalogue.col_scope", lang),
        "scope_name": t("catalogue.col_scope_name", lang),
        "membership_type": t("catalogue.col_membership_type", lang),
        "membership_type_name": t("catalogue.col_membership_type_name", lang),
        "lead_school_id": t("catalogue.col_lead_school_id", lang),
    }
    return column.name, words[column.name]


def _name_unit(unit: str, lang: str) -> str:
    units = {
        "year": t("catalogue.unit_year", lang),
        "code": t("catalogue.unit_code", lang),
        "label": t("catalogue.unit_label", lang),
        "count": t("catalogue.unit_count", lang),
        "share": t("catalogue.unit_share", lang),
        "decimal": t("catalogue.unit_decimal", lang),
        "flag": t("catalogue.unit_flag", lang),
        "category": t("catalogue.unit_category", lang),
        "id": t("catalogue.unit_id", lang),
    }
    return units[unit]


def _list_symbols(column: CatalogueColumn, lang: str) -> str:
    """The symbols a column may hold, in words."""
    symbols = []
    if column.suppressed is not None:
        symbols.append(t("catalogue.symbol_c", lang))
    if column.not_applicable is not None:
        symbols.append(t("catalogue.symbol_z", lang))
    if column.unit not in ("year", "code", "label") or column.name == "group_name":
        symbols.append(t("catalogue.symbol_x", lang))
    return "; ".join(symbols)


def list_guidance_columns(lang: str) -> list[str]:
    return [
        t("catalogue.guidance_file", lang),
        t("catalogue.guidance_column", lang),
        t("catalogue.guidance_name", lang),
        t("catalogue.guidance_description", lang),
        t("catalogue.guidance_unit", lang),
        t("catalogue.guidance_symbols", lang),
    ]


def list_guidance_rows(lang: str) -> list[list[str]]:
    """One row a column of every table: the table, the column, its name, what it holds,
    its unit and the symbols it may hold."""
    rows = []
    for table in TABLES:
        for column in table.columns:
            name, description = _describe_column(column, lang)
            unit = _name_unit(column.unit, lang)
            rows.append(
                [table.key, column.name, name, description, unit, _list_symbols(column, lang)]
            )
    return rows


def build_guidance_csv(lang: str) -> str:
    """The data guidance: every column of every catalogue table, described."""
    return write_csv(list_guidance_columns(lang), list_guidance_rows(lang))
