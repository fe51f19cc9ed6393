"""The numbers behind the overview page, read for one view (year and region).

Kept apart from ``pages/overview.py`` because a page module can only be
imported by Dash itself (``register_page`` needs the app); the tests call these
functions directly on a fixture database.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.db import Database
from dashboard.filters import Filters
from dashboard.labels import CATEGORIES, HEADLINE_MEASURES

__all__ = [
    "Headline",
    "OverviewData",
    "compute_headlines",
    "load_overview",
    "load_support",
    "load_yearly",
    "to_number",
]


@dataclass(frozen=True)
class Headline:
    """One headline figure for the chosen year and its change from the year before."""

    measure: str
    value: float | None
    change: float | None
    previous_year: str | None


@dataclass(frozen=True)
class OverviewData:
    yearly: pd.DataFrame
    support: pd.DataFrame
    headlines: list[Headline]


def _region_params(filters: Filters) -> dict[str, object]:
    return {
        "consortium": filters.consortium,
        "la": filters.la,
        "sector": filters.sector,
        "medium": filters.medium,
    }


def load_yearly(db: Database, filters: Filters) -> pd.DataFrame:
    """The four headline measures for every year, oldest first, in the region."""
    return db.query("overview__yearly", **_region_params(filters))


def load_support(db: Database, filters: Filters) -> pd.DataFrame:
    """Schools and shares per support category and year, in the region.

    Every year has every category (zero when none), in the order of CATEGORIES.
    """
    found = db.query("overview__support", **_region_params(filters))
    years = sorted(found["year"].unique())
    grid = pd.MultiIndex.from_product([years, CATEGORIES], names=["year", "category"])
    support = found.set_index(["year", "category"]).reindex(grid)
    support["schools"] = support["schools"].fillna(0).astype(int)
    support["share"] = support["share"].fillna(0.0)
    return support.reset_index()


def to_number(value: object) -> float | None:
    """A float, or None for a missing value (None, NaN, NA)."""
    if value is None or pd.isna(value):
        return None
    return float(value)


def compute_headlines(yearly: pd.DataFrame, year: str) -> list[Headline]:
    """The headline figures of ``year`` with their change from the year before it."""
    years = yearly["year"].tolist()
    if year not in years:
        return [Headline(m, None, None, None) for m in HEADLINE_MEASURES]
    position = years.index(year)
    current = yearly.iloc[position]
    previous = yearly.iloc[position - 1] if position > 0 else None
    headlines = []
    for measure in HEADLINE_MEASURES:
        value = to_number(current[measure])
        before = None if previous is None else to_number(previous[measure])
        change = None if value is None or before is None else value - before
        headlines.append(
            Headline(
                measure=measure,
                value=value,
                change=change,
                previous_year=None if previous is None else str(previous["year"]),
            )
        )
    return headlines


def load_overview(db: Database, filters: Filters) -> OverviewData:
    """Everything the overview shows for ``filters``."""
    yearly = load_yearly(db, filters)
    return OverviewData(
        yearly=yearly,
        support=load_support(db, filters),
        headlines=compute_headlines(yearly, filters.year),
    )
