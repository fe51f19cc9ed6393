"""The numbers behind the impact page: the panel estimates of collaboration against
improvement and the mean improvement by band of exposure (etl/impact/model.py
makes them; docs/measures.md defines them).

The estimates pool every year and every school: the tables behind them have no
breakdown by region, so the page offers no region filter. The year chosen picks
the year whose bands are shown beside the bands of all years pooled.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.db import Database
from dashboard.core.filters import Filters, PageOption
from dashboard.core.provenance import load_provenance
from dashboard.core.refresh_settings import load_refresh_settings
from etl.public import IMPACT_EXPOSURES

__all__ = [
    "ALL_YEARS",
    "EXPOSURE",
    "FIELDS",
    "ImpactData",
    "load_bins",
    "load_estimates",
    "load_impact",
    "pick_main",
]

# The filters that apply: the year only (see the module's docstring).
FIELDS = ("year",)
# The exposure whose bands the chart shows, one of those impact_bins holds; the
# first, the main model's exposure, is the default.
EXPOSURE = PageOption("exposure", IMPACT_EXPOSURES)
# impact_bins' year of the bands pooled over every year.
ALL_YEARS = "all"


@dataclass(frozen=True)
class ImpactData:
    """Everything the impact page shows for one view."""

    estimates: pd.DataFrame
    bins: pd.DataFrame
    exposure: str
    year: str
    first_year: str | None
    last_year: str | None
    is_demo: bool
    # The fewest schools the refresh needed for an estimate (refresh_settings).
    min_schools: int
    # The effect the demo planted; None for real data, which have none.
    planted_effect: float | None

    @property
    def main(self) -> pd.Series | None:
        return pick_main(self.estimates)

    def bins_of(self, year: str) -> pd.DataFrame:
        """The bands of ``year`` (or ALL_YEARS), lowest first."""
        return self.bins[self.bins["year"] == year].reset_index(drop=True)


def load_estimates(db: Database) -> pd.DataFrame:
    """Every model's estimate, the main model first (queries/estimates.sql)."""
    return db.query("impact__estimates")


def pick_main(estimates: pd.DataFrame) -> pd.Series | None:
    """The main model's row; None when it could not be estimated (too few schools)."""
    main = estimates[estimates["model"] == "main"]
    return None if main.empty else main.iloc[0]


def load_bins(db: Database, exposure: str, year: str) -> pd.DataFrame:
    """The bands of ``exposure`` over all years and in ``year``, lowest band first."""
    return db.query("impact__bins", exposure=exposure, year=year)


def load_impact(db: Database, filters: Filters) -> ImpactData:
    """Everything the impact page shows for ``filters`` (the year and the exposure)."""
    exposure = filters.option(EXPOSURE.name)
    years = db.query("impact__years").iloc[0]
    settings = load_refresh_settings(db)
    return ImpactData(
        estimates=load_estimates(db),
        bins=load_bins(db, exposure, filters.year),
        exposure=exposure,
        year=filters.year,
        first_year=None if pd.isna(years["first_year"]) else str(years["first_year"]),
        last_year=None if pd.isna(years["last_year"]) else str(years["last_year"]),
        is_demo=load_provenance(db).is_demo,
        min_schools=settings.impact_min_schools,
        planted_effect=settings.demo_planted_effect,
    )
