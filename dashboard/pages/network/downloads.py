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
    its LA, consortium, kind, support category and network figures."""
    suffix = "_cy" if lang == "cy" else "_en"
    header = [
        t("network.column_number", lang),
        t("network.column_school", lang),
        t("network.column_la", lang, **level_words(lang)),
        t("network.colour_consortium", lang, **level_words(lang)),
        t("filters.sector", lang),
        t("filters.medium", lang),
        t("network.column_category", lang),
        t("network.degree", lang),
        t("network.column_weighted_degree", lang),
        t("network.betweenness", lang),
        t("network.plcs", lang, **level_words(lang)),
        t("network.column_community", lang),
        t("network.column_brokered", lang),
        t("network.lists_column_role", lang),
    ]
    columns = [
        schools["school_id"],
        schools["name"],
        schools[f"la_name{suffix}"],
        schools[f"consortium_name{suffix}"],
        _label(schools["sector"], label_sector, lang),
        _label(schools["language_medium"], label_medium, lang),
        _label(schools["support_category"], label_category, lang),
        schools["degree"],
        schools["weighted_degree"],
        schools["betweenness"].round(8),
        schools["n_plcs"],
        _numbers_or_empty(schools["community_id"]),
        schools["broker_total"],
        _label(schools["broker_role"], label_table_role, lang),
    ]
    return _write(header, columns)


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
    header += [
        t("filters.sector", lang),
        t("filters.medium", lang),
        t("network.column_category", lang),
        t("network.lists_column_plcs", lang, **level_words(lang)),
    ]
    columns += [
        _label(isolates["sector"], label_sector, lang),
        _label(isolates["language_medium"], label_medium, lang),
        _label(isolates["support_category"], label_category, lang),
        isolates["n_plcs"],
    ]
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
