"""The numbers behind the overview page, read for one view (year and region).

Kept apart from ``dashboard/pages/overview/page.py`` because a page module can only be
imported by Dash itself (``register_page`` needs the app); the tests call these
functions directly on a fixture database.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.ui.labels import CATEGORIES, HEADLINE_MEASURES, to_number

__all__ = [
    "SUMMARY_MEASURES",
    "Headline",
    "OverviewData",
    "SummaryFact",
    "compute_headlines",
    "compute_summary",
    "load_overview",
    "load_support",
    "load_yearly",
]


@dataclass(frozen=True)
class Headline:
    """One headline figure for the chosen year and its change from the year before."""

    measure: str
    value: float | None
    change: float | None
    previous_year: str | None


@dataclass(frozen=True)
class SummaryFact:
    """One fact of the text summary: a figure of the chosen year, its change from the
    year before, and for counts of schools their share of the region's schools."""

    measure: str
    value: float
    change: float | None
    previous_year: str | None
    share_of_schools: float | None = None


# The facts of the text summary, in the order they are told: the four headline
# measures, then the share of categorised schools that are green.
SUMMARY_MEASURES = (*HEADLINE_MEASURES, "green_share")
# Headline measures that count schools, told with their share of the region's schools.
_SCHOOL_COUNTS = frozenset({"schools_in_plcs", "isolated_schools"})


@dataclass(frozen=True)
class OverviewData:
    yearly: pd.DataFrame
    support: pd.DataFrame
    headlines: list[Headline]
    summary: list[SummaryFact]

    @property
    def no_schools(self) -> bool:
        """No school matches the filters (in any year: a school has a row of network
        measures every year), so there is nothing to count, chart or compare."""
        return bool(self.yearly["schools"].fillna(0).sum() == 0)


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

    Every year has every category (zero when none), in the order of CATEGORIES;
    has_plc_data says whether the year has PLC data or outcomes only.
    """
    found = db.query("overview__support", **_region_params(filters))
    years = sorted(found["year"].unique())
    grid = pd.MultiIndex.from_product([years, CATEGORIES], names=["year", "category"])
    support = found.set_index(["year", "category"]).reindex(grid)
    support["schools"] = support["schools"].fillna(0).astype(int)
    support["share"] = support["share"].fillna(0.0)
    support = support.reset_index()
    # A category a year lacks has no row to say it; the year's other rows do.
    year_has_plc_data = found.groupby("year")["has_plc_data"].first().astype(bool)
    support["has_plc_data"] = support["year"].map(year_has_plc_data).astype(bool)
    return support


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


def _schools_in(yearly: pd.DataFrame, year: str) -> float | None:
    match = yearly.loc[yearly["year"] == year, "schools"]
    return None if match.empty else to_number(match.iloc[0])


def _green_share(support: pd.DataFrame, year: str) -> float | None:
    """The share of the year's categorised schools that are green; None with none categorised."""
    rows = support[(support["year"] == year) & (support["category"] == "green")]
    return None if rows.empty else float(rows["share"].iloc[0])


def _compute_green_fact(support: pd.DataFrame, year: str, years: list[str]) -> SummaryFact | None:
    value = _green_share(support, year)
    if value is None:
        return None
    position = years.index(year) if year in years else 0
    previous = years[position - 1] if position > 0 else None
    before = None if previous is None else _green_share(support, previous)
    return SummaryFact(
        measure="green_share",
        value=value,
        change=None if before is None else value - before,
        previous_year=None if before is None else previous,
    )


def compute_summary(yearly: pd.DataFrame, support: pd.DataFrame, year: str) -> list[SummaryFact]:
    """The facts the text summary tells about ``year``, in SUMMARY_MEASURES order.

    A measure without a value that year (no ties, so no cross-LA share; no
    support categories recorded) is left out rather than told as missing. The
    green share is compared with the year before only when that year has
    categories too.
    """
    schools = _schools_in(yearly, year)
    facts = []
    for headline in compute_headlines(yearly, year):
        if headline.value is None:
            continue
        share = headline.value / schools if headline.measure in _SCHOOL_COUNTS and schools else None
        facts.append(
            SummaryFact(
                headline.measure,
                headline.value,
                headline.change,
                headline.previous_year,
                share,
            )
        )
    green = _compute_green_fact(support, year, yearly["year"].tolist())
    return [*facts, *([green] if green is not None else [])]


def load_overview(db: Database, filters: Filters) -> OverviewData:
    """Everything the overview shows for ``filters``, worked out once per published file,
    scope and filters (Database.derive): shared, so do not change its frames."""
    return db.derive(lambda: _load_overview(db, filters), "overview", filters)


def _load_overview(db: Database, filters: Filters) -> OverviewData:
    yearly = load_yearly(db, filters)
    support = load_support(db, filters)
    return OverviewData(
        yearly=yearly,
        support=support,
        headlines=compute_headlines(yearly, filters.year),
        summary=compute_summary(yearly, support, filters.year),
    )
