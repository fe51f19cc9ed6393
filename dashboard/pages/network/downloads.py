"""The network explorer's CSVs: every school shown with its figures, and its lists (the
isolated schools, the brokers by betweenness and by role); no Dash, no database."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dashboard.core.downloads import write_csv
from dashboard.i18n import t
from dashboard.pages.network.lists import (
    ROLE_COLUMNS,
    ROLES,
    label_table_role,
    select_betweenness_brokers,
    select_isolates,
    select_role_brokers,
)
from dashboard.ui.labels import (
    label_broker_role,
    label_category,
    label_medium,
    label_sector,
    level_words,
    system_has_language_media,
    system_has_outcome,
)

__all__ = [
    "build_betweenness_csv",
    "build_isolates_csv",
    "build_roles_csv",
    "build_schools_csv",
]


def _label(values: pd.Series, label: Callable[[str, str], str], lang: str) -> pd.Series:
    """Each value by its name (one lookup per distinct value); empty where missing."""
    names = {value: label(value, lang) for value in values.dropna().unique()}
    return values.map(names).fillna("")


def _numbers_or_empty(values: pd.Series) -> pd.Series:
    """Whole numbers as such, an empty cell where missing."""
    return values.astype("Int64").astype(object).where(values.notna(), "")


def build_schools_csv(schools: pd.DataFrame, lang: str) -> str:
    """One row per school shown (all of them, not only the table's), by school number:
    its LA, consortium, kind, support category and network figures (the medium and the
    category only where the served system has them)."""
    header, columns = _school_columns(schools, lang)
    kind = _kind_columns(schools, lang)
    figures = [
        (t("network.degree", lang), schools["degree"]),
        (t("network.column_weighted_degree", lang), schools["weighted_degree"]),
        (t("network.betweenness", lang), schools["betweenness"].round(8)),
        (t("network.plcs", lang, **level_words(lang)), schools["n_plcs"]),
        (t("network.column_community", lang), _numbers_or_empty(schools["community_id"])),
        (t("network.column_brokered", lang), schools["broker_total"]),
        (
            t("network.lists_column_role", lang),
            _label(schools["broker_role"], label_table_role, lang),
        ),
    ]
    header += [name for name, _ in (*kind, *figures)]
    columns += [values for _, values in (*kind, *figures)]
    return _write(header, columns)


def _kind_columns(schools: pd.DataFrame, lang: str) -> list[tuple[str, pd.Series]]:
    """A school's sector, language medium and support category, each with its header;
    the medium and the category only where the served system has them (a system
    without them would send a column of "Not applicable" or of blanks)."""
    columns = [(t("filters.sector", lang), _label(schools["sector"], label_sector, lang))]
    if system_has_language_media():
        medium = _label(schools["language_medium"], label_medium, lang)
        columns.append((t("filters.medium", lang), medium))
    if system_has_outcome("support_category"):
        category = _label(schools["support_category"], label_category, lang)
        columns.append((t("network.column_category", lang), category))
    return columns


def _write(header: list[str], columns: list[pd.Series]) -> str:
    """The CSV of ``columns`` (one Series each, in the order of ``header``), through the
    shared writer."""
    rows = pd.concat(columns, axis=1).itertuples(index=False, name=None)
    return write_csv(header, list(rows))


def _school_columns(schools: pd.DataFrame, lang: str) -> tuple[list[str], list[pd.Series]]:
    """What every list's CSV starts with: school number, name, LA and consortium."""
    suffix = "_cy" if lang == "cy" else "_en"
    header = [
        t("network.column_number", lang),
        t("network.column_school", lang),
        t("network.column_la", lang, **level_words(lang)),
        t("network.colour_consortium", lang, **level_words(lang)),
    ]
    columns = [
        schools["school_id"],
        schools["name"],
        schools[f"la_name{suffix}"],
        schools[f"consortium_name{suffix}"],
    ]
    return header, columns


def build_isolates_csv(schools: pd.DataFrame, lang: str) -> str:
    """Every isolated school shown (lists.select_isolates), not only the page's first rows:
    its LA, consortium, kind, support category and PLCs."""
    isolates = select_isolates(schools)
    header, columns = _school_columns(isolates, lang)
    kind = _kind_columns(isolates, lang)
    header += [name for name, _ in kind]
    header.append(t("network.lists_column_plcs", lang, **level_words(lang)))
    columns += [values for _, values in kind]
    columns.append(isolates["n_plcs"])
    return _write(header, columns)


def build_betweenness_csv(schools: pd.DataFrame, lang: str) -> str:
    """Every school shown with betweenness above 0, the highest first
    (lists.select_betweenness_brokers), with degree and main brokerage role."""
    brokers = select_betweenness_brokers(schools)
    header, columns = _school_columns(brokers, lang)
    header += [
        t("network.betweenness", lang),
        t("network.degree", lang),
        t("network.column_brokered", lang),
        t("network.lists_column_role", lang),
    ]
    columns += [
        brokers["betweenness"].round(8),
        brokers["degree"],
        brokers["broker_total"],
        _label(brokers["broker_role"], label_table_role, lang),
    ]
    return _write(header, columns)


def build_roles_csv(schools: pd.DataFrame, lang: str) -> str:
    """Every school shown that brokers a pair of lead-school ties, the most pairs first
    (lists.select_role_brokers): the pairs in each role, in all, and betweenness."""
    brokers = select_role_brokers(schools)
    header, columns = _school_columns(brokers, lang)
    header += [
        *[label_broker_role(role, lang) for role in ROLES],
        t("network.lists_column_total", lang),
        t("network.betweenness", lang),
    ]
    columns += [
        *[brokers[column] for column in ROLE_COLUMNS],
        brokers["broker_total"],
        brokers["betweenness"].round(8),
    ]
    return _write(header, columns)
