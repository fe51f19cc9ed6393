"""The network explorer's CSV: every school shown, with its figures (no Dash, no database)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dashboard.core.downloads import write_csv
from dashboard.i18n import t
from dashboard.pages.network.figures import label_role
from dashboard.ui.labels import label_category, label_medium, label_sector

__all__ = ["build_schools_csv"]


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
        t("network.column_la", lang),
        t("network.colour_consortium", lang),
        t("filters.sector", lang),
        t("filters.medium", lang),
        t("network.column_category", lang),
        t("network.degree", lang),
        t("network.column_weighted_degree", lang),
        t("network.betweenness", lang),
        t("network.plcs", lang),
        t("network.column_community", lang),
        t("network.column_brokered", lang),
        t("network.column_role", lang),
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
        _label(schools["broker_role"], label_role, lang),
    ]
    rows = pd.concat(columns, axis=1).itertuples(index=False, name=None)
    return write_csv(header, list(rows))
